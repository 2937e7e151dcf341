package org.paperdigest.publisher.service;

import java.util.List;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.PublishedRevision;
import org.paperdigest.publisher.domain.RenderFormat;

/**
 * Renders what readers are served, for {@link StoredRenders} to store. The web layer implements it, since the page
 * templates are its own.
 */
public interface IssueRenderer {

    /** @param revisions every published revision of the issue, for the page that links the earlier ones */
    String render(RenderFormat format, IssueContent revision, List<PublishedRevision> revisions);

    /** @param issues the published revisions of the latest issues, most recently published first */
    String feed(List<IssueContent> issues);
}

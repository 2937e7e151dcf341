package org.paperdigest.publisher.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.PublishedRevision;
import org.paperdigest.publisher.domain.RenderFormat;
import org.paperdigest.publisher.render.IssueFeed;
import org.paperdigest.publisher.render.IssueMarkdown;
import org.paperdigest.publisher.render.IssuePage;
import org.paperdigest.publisher.service.IssueRenderer;

/** Each stored form from the renderers and templates that readers were always served. */
@ApplicationScoped
public class IssueRenders implements IssueRenderer {

    @Inject
    ObjectMapper json;

    /** A URL, so that a value without a scheme stops the service at start rather than yielding relative ids. */
    @ConfigProperty(name = "paperdigest.publisher.public-url")
    URL publicUrl;

    @Override
    public String render(RenderFormat format, IssueContent revision, List<PublishedRevision> revisions) {
        return switch (format) {
            case PAGE -> Pages.issue(IssuePage.latest(revision, revisions)).render();
            case REVISION_PAGE -> Pages.issue(IssuePage.revision(revision)).render();
            case MARKDOWN -> IssueMarkdown.render(revision);
            case JSON -> json(revision);
        };
    }

    @Override
    public String feed(List<IssueContent> issues) {
        return IssueFeed.render(issues, publicUrl.toString());
    }

    private String json(IssueContent revision) {
        try {
            return json.writeValueAsString(revision);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("revision " + revision.revision() + " of " + revision.issueId()
                    + " could not be written as JSON", e);
        }
    }
}

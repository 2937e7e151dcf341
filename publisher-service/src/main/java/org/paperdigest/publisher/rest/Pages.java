package org.paperdigest.publisher.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.paperdigest.publisher.domain.IssueDetail;
import org.paperdigest.publisher.domain.IssueOverview;
import org.paperdigest.publisher.domain.RenderFormat;
import org.paperdigest.publisher.render.IssuePage;

/** The HTML pages' templates (under templates/pages/), checked against these parameters when the app is built. */
@CheckedTemplate(basePath = "pages")
final class Pages {

    static final String HTML = RenderFormat.HTML;

    private Pages() {
    }

    static native TemplateInstance issue(IssuePage page);

    static native TemplateInstance progress(IssueDetail issue);

    /** A page's client error, for a reader who followed a link: what is wrong, in words. */
    static native TemplateInstance error(String heading, String message);

    static native TemplateInstance home(IssuePage latest, List<IssueOverview> issues);
}

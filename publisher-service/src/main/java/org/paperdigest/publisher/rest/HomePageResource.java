package org.paperdigest.publisher.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.paperdigest.publisher.domain.IssueOverview;
import org.paperdigest.publisher.render.IssuePage;
import org.paperdigest.publisher.service.IssueReader;

/** The front page: the latest published issue, and links to all issues. */
@Path("/")
@Produces(Pages.HTML)
@Tag(name = "Pages")
public class HomePageResource {

    @Inject
    IssueReader reader;

    @GET
    @Operation(summary = "The latest published issue as a web page, with links to all issues")
    public Response home(@Context Request request) {
        List<IssueOverview> issues = reader.list();
        IssuePage latest = issues.stream()
                // Any issue with a published revision, also while a regeneration makes its next one.
                .filter(issue -> issue.publishedAt() != null)
                .findFirst()
                .flatMap(issue -> reader.find(issue.issueId()))
                .map(detail -> IssuePage.latest(detail.content(), reader.revisions(detail.issueId())))
                .orElse(null);
        return IssueResponses.published(request, Pages.home(latest, issues).render(), Pages.HTML);
    }
}

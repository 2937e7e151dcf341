package org.paperdigest.publisher.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.paperdigest.publisher.domain.IssueDetail;
import org.paperdigest.publisher.render.IssuePage;
import org.paperdigest.publisher.service.IssueReader;

/** An issue as a web page: its progress paper by paper until it is published, then the published revision. */
@Path("/issues")
@Produces(Pages.HTML)
@Tag(name = "Pages")
public class IssuePageResource {

    @Inject
    IssueReader reader;

    @GET
    @Path("/{issueId}")
    @Operation(summary = "An issue as a web page; while it is being made, its progress paper by paper")
    public Response issue(@PathParam("issueId") String issueId, @Context Request request) {
        String id = IssueIdParam.valid(issueId);
        IssueDetail detail = reader.find(id)
                .orElseThrow(() -> IssueNotFoundException.notPlanned(id));
        if (detail.content() == null) {
            return IssueResponses.inProgress(Pages.progress(detail).render(), Pages.HTML);
        }
        return IssueResponses.published(request, Pages.issue(IssuePage.of(detail.content())).render(), Pages.HTML);
    }
}

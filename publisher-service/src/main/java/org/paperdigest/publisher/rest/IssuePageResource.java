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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.IssueDetail;
import org.paperdigest.publisher.render.IssuePage;
import org.paperdigest.publisher.service.IssueReader;

/**
 * An issue as a web page: its progress paper by paper until it is published, then the latest published revision;
 * and each published revision at its own URL. Errors here are pages too (the mappers below apply to this class
 * only; the API's stay JSON).
 */
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
        IssuePage page = IssuePage.latest(detail.content(), reader.revisions(id));
        return IssueResponses.published(request, Pages.issue(page).render(), Pages.HTML);
    }

    @GET
    @Path("/{issueId}/revisions/" + RevisionResource.REVISION)
    @Operation(summary = "One published revision of an issue as a web page, as it was published (cacheable for good)")
    public Response revision(@PathParam("issueId") String issueId, @PathParam("revision") int revision,
            @Context Request request) {
        String id = IssueIdParam.valid(issueId);
        IssueContent content = reader.revision(id, revision)
                .orElseThrow(() -> IssueNotFoundException.noRevision(id, revision, "/issues/" + id));
        return IssueResponses.revision(request, Pages.issue(IssuePage.revision(content)).render(), Pages.HTML);
    }

    @ServerExceptionMapper
    public Response notFound(IssueNotFoundException e) {
        return errorPage(Response.Status.NOT_FOUND, "ページが見つかりません", e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedId(MalformedIssueIdException e) {
        return errorPage(Response.Status.BAD_REQUEST, "号の指定が正しくありません", e.getMessage());
    }

    private static Response errorPage(Response.Status status, String heading, String message) {
        return Response.status(status).type(Pages.HTML).entity(Pages.error(heading, message).render()).build();
    }
}

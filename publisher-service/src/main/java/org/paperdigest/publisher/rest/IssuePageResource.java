package org.paperdigest.publisher.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paperdigest.publisher.domain.IssueDetail;
import org.paperdigest.publisher.domain.RenderFormat;
import org.paperdigest.publisher.domain.StoredRender;
import org.paperdigest.publisher.service.IssueReader;
import org.paperdigest.publisher.service.StoredRenders;

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

    @Inject
    StoredRenders renders;

    @GET
    @Path("/{issueId}")
    @Operation(summary = "An issue as a web page; while it is being made, its progress paper by paper")
    public Response issue(@PathParam("issueId") String issueId, @Context Request request) {
        String id = IssueIdParam.valid(issueId);
        Optional<StoredRender> published = renders.latest(id, RenderFormat.PAGE);
        if (published.isPresent()) {
            return IssueResponses.published(request, published.get());
        }
        IssueDetail detail = reader.find(id)
                .orElseThrow(() -> IssueNotFoundException.notPlanned(id));
        if (detail.content() == null) {
            return IssueResponses.inProgress(Pages.progress(detail).render(), Pages.HTML);
        }
        // Published since the lookup above.
        return IssueResponses.published(request,
                renders.revision(id, detail.revision(), RenderFormat.PAGE).orElseThrow());
    }

    @GET
    @Path("/{issueId}/revisions/" + RevisionResource.REVISION)
    @Operation(summary = "One published revision of an issue as a web page, as it was published (cacheable for good)")
    public Response revision(@PathParam("issueId") String issueId, @PathParam("revision") int revision,
            @Context Request request) {
        String id = IssueIdParam.valid(issueId);
        StoredRender page = renders.revision(id, revision, RenderFormat.REVISION_PAGE)
                .orElseThrow(() -> IssueNotFoundException.noRevision(id, revision, "/issues/" + id));
        return IssueResponses.revision(request, page);
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

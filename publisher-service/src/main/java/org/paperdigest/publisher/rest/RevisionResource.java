package org.paperdigest.publisher.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.RenderFormat;
import org.paperdigest.publisher.service.StoredRenders;
import org.paperdigest.rest.ApiError;

/** Every published revision of an issue stays readable, also after a regeneration made a newer one. */
@Path("/api/issues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issues")
public class RevisionResource {

    static final String REVISION = "{revision: [1-9][0-9]{0,8}}";

    @Inject
    StoredRenders renders;

    @GET
    @Path("/{issueId}/revisions/" + REVISION)
    @Operation(summary = "One published revision of an issue, as it was published (cacheable for good)")
    @APIResponse(responseCode = "200", description = "The revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssueContent.class)))
    @APIResponse(responseCode = "400", description = "Malformed issue id",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such revision",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response revision(@PathParam("issueId") String issueId, @PathParam("revision") int revision,
            @Context Request request) {
        String id = IssueIdParam.valid(issueId);
        return IssueResponses.revision(request, renders.revision(id, revision, RenderFormat.JSON)
                .orElseThrow(() -> IssueNotFoundException.noRevision(id, revision, "/api/issues/" + id)));
    }
}

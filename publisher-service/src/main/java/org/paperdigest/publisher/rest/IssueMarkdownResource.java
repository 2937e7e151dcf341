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
import org.paperdigest.publisher.domain.RenderFormat;
import org.paperdigest.publisher.service.StoredRenders;
import org.paperdigest.rest.ApiError;

@Path("/issues")
@Tag(name = "Issues")
public class IssueMarkdownResource {

    static final String MARKDOWN = RenderFormat.MARKDOWN_TYPE;

    @Inject
    StoredRenders renders;

    @GET
    @Path("/{issueId}.md")
    @Produces(MARKDOWN)
    @Operation(summary = "A published issue as Markdown (CommonMark)")
    @APIResponse(responseCode = "200", description = "The issue's published revision",
            content = @Content(mediaType = MARKDOWN))
    @APIResponse(responseCode = "400", description = "Malformed issue id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such issue, or not published yet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response markdown(@PathParam("issueId") String issueId, @Context Request request) {
        String id = IssueIdParam.valid(issueId);
        return IssueResponses.published(request, renders.latest(id, RenderFormat.MARKDOWN).orElseThrow(
                () -> new IssueNotFoundException(
                        "Issue " + id + " is not published (yet); see /api/issues/" + id + " for its progress")));
    }
}

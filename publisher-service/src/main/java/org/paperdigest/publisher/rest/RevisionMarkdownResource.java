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
public class RevisionMarkdownResource {

    @Inject
    StoredRenders renders;

    @GET
    @Path("/{issueId}/revisions/" + RevisionResource.REVISION + ".md")
    @Produces(IssueMarkdownResource.MARKDOWN)
    @Operation(summary = "One published revision of an issue as Markdown, as it was published (cacheable for good)")
    @APIResponse(responseCode = "200", description = "The revision",
            content = @Content(mediaType = IssueMarkdownResource.MARKDOWN))
    @APIResponse(responseCode = "400", description = "Malformed issue id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response markdown(@PathParam("issueId") String issueId, @PathParam("revision") int revision,
            @Context Request request) {
        String id = IssueIdParam.valid(issueId);
        return IssueResponses.revision(request, renders.revision(id, revision, RenderFormat.MARKDOWN)
                .orElseThrow(() -> IssueNotFoundException.noRevision(id, revision, "/issues/" + id + ".md")));
    }
}

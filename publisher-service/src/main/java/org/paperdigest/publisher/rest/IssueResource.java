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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.paperdigest.publisher.domain.IssueDetail;
import org.paperdigest.publisher.domain.IssueOverview;
import org.paperdigest.publisher.service.IssueReader;
import org.paperdigest.publisher.service.LiveIssueJson;
import org.paperdigest.rest.ApiError;

@Path("/api/issues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issues", description = "Digest issues: their progress and, once published, their content")
public class IssueResource {

    @Inject
    IssueReader reader;

    @Inject
    LiveIssueJson live;

    @GET
    @Operation(summary = "Planned and published issues, newest week first")
    @APIResponse(responseCode = "200", description = "Every planned issue with its status and progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = IssueOverview.class)))
    public List<IssueOverview> list() {
        return reader.list();
    }

    @GET
    @Path("/{issueId}")
    @Operation(summary = "One issue: status, progress paper by paper, and the published content")
    @APIResponse(responseCode = "200", description = "The issue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssueDetail.class)))
    @APIResponse(responseCode = "400", description = "Malformed issue id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such issue has been planned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response get(@Parameter(description = "Week start (2023-11-20) or custom-…", example = "2023-11-20")
            @PathParam("issueId") String issueId, @Context Request request) {
        String id = IssueIdParam.valid(issueId);
        return IssueResponses.live(request, live.read(id).orElseThrow(() -> IssueNotFoundException.notPlanned(id)));
    }
}

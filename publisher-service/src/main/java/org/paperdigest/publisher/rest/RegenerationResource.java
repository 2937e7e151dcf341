package org.paperdigest.publisher.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.paperdigest.publisher.domain.RegenerationAccepted;
import org.paperdigest.publisher.service.IssueRegeneration;
import org.paperdigest.publisher.service.RegenerationRefusedException;
import org.paperdigest.rest.ApiError;

/**
 * Admin operations: make a published issue, or one paper of it, again as a new revision. The revision published
 * before stays readable under {@code /api/issues/{id}/revisions/{n}}.
 */
@Path("/api/issues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regeneration", description = "Admin: new revisions of published issues (HTTP basic auth, role admin)")
@APIResponse(responseCode = "202", description = "The next revision is being made",
        content = @Content(schema = @Schema(implementation = RegenerationAccepted.class)))
@APIResponse(responseCode = "400", description = "Malformed issue id or model",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "401", description = "No or wrong credentials")
@APIResponse(responseCode = "403", description = "The user lacks the admin role")
@APIResponse(responseCode = "409", description = "Not published yet, or its next revision is being made",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@RolesAllowed("admin")
public class RegenerationResource {

    /** Model names as OpenAI, Ollama and vLLM spell them: gpt-4o-2024-08-06, qwen2.5:7b, meta-llama/Llama-3-8B. */
    private static final Pattern MODEL = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}$");

    @Inject
    IssueRegeneration regeneration;

    @POST
    @Path("/{issueId}/regenerate")
    @Operation(summary = "Make every paper of a published issue again, as its next revision")
    @APIResponse(responseCode = "404", description = "No such issue",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response regenerateIssue(@PathParam("issueId") String issueId, RegenerationRequest request) {
        return accepted(regeneration.request(IssueIdParam.valid(issueId), Optional.empty(), model(request)));
    }

    @POST
    @Path("/{issueId}/papers/{paperKey}/regenerate")
    @Operation(summary = "Make one paper of a published issue again, as the issue's next revision")
    @APIResponse(responseCode = "404", description = "No such issue, or no such paper in it",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response regeneratePaper(@PathParam("issueId") String issueId, @PathParam("paperKey") String paperKey,
            RegenerationRequest request) {
        return accepted(regeneration.request(IssueIdParam.valid(issueId), Optional.of(paperKey), model(request)));
    }

    private static Response accepted(RegenerationAccepted accepted) {
        return Response.accepted(accepted).build();
    }

    private static Optional<String> model(RegenerationRequest request) {
        if (request == null || request.model() == null) {
            return Optional.empty();
        }
        if (!MODEL.matcher(request.model()).matches()) {
            throw new RegenerationRefusedException(RegenerationRefusedException.Why.INVALID, "\"model\" must be a"
                    + " model name of 1 to 200 letters, digits and . _ : / @ + - (e.g. \"qwen2.5:7b\"), or left out"
                    + " for the configured model");
        }
        return Optional.of(request.model());
    }
}

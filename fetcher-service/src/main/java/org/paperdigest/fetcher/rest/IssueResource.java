package org.paperdigest.fetcher.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.fetcher.service.IssuePlanner;

@Path("/api/issues")
public class IssueResource {

    private static final String EXAMPLE = "send {\"week\":\"2023-11-20\"}, the week's start date as GET /api/weeks lists it";

    @Inject
    IssuePlanner planner;

    @Inject
    ObjectMapper mapper;

    /** The body is read by hand so that every way it can be wrong gets its own message. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan the issue of one week; its papers are fetched in the background")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = IssueRequest.class)))
    @APIResponse(responseCode = "202", description = "Planned",
            content = @Content(schema = @Schema(implementation = IssueAccepted.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or date, or a week the list does not have",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "502", description = "The list cannot be read",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response plan(String body) {
        IssuePlanned planned = planner.plan(week(body));
        return Response.accepted(new IssueAccepted(planned.issueId(), planned.title(), planned.papers().size()))
                .build();
    }

    private LocalDate week(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("the body is empty; " + EXAMPLE);
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("the body is not JSON (" + e.getOriginalMessage() + "); " + EXAMPLE);
        }
        if (json == null || !json.isObject()) {
            throw new InvalidRequestException("the body must be a JSON object; " + EXAMPLE);
        }
        JsonNode week = json.get("week");
        if (week == null || week.isNull()) {
            throw new InvalidRequestException("\"week\" is missing; " + EXAMPLE);
        }
        if (!week.isTextual()) {
            throw new InvalidRequestException("\"week\" must be a string date like \"2023-11-20\", not " + week);
        }
        try {
            return LocalDate.parse(week.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("\"week\" must be a date in the form YYYY-MM-DD, like \"2023-11-20\";"
                    + " got \"" + week.asText() + "\"");
        }
    }
}

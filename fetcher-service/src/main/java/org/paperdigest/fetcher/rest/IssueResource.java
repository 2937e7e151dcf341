package org.paperdigest.fetcher.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.paperdigest.fetcher.config.FetcherConfig;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.service.IssuePlanner;
import org.paperdigest.fetcher.service.PlanOutcome;
import org.paperdigest.rest.ApiError;

@Path("/api/issues")
public class IssueResource {

    private static final String EXAMPLE = "send {\"week\":\"2023-11-20\"} (a week's start date as GET /api/weeks"
            + " lists it), {\"week\":\"latest\"}, or {\"arxivIds\":[\"2311.12022\"],\"title\":\"My reading list\"}";
    private static final String LATEST = "latest";
    private static final String EXISTING_NOTE = "this issue was planned before and nothing was sent; add"
            + " \"replan\":true to plan it again";
    private static final String REPLANNED_NOTE = "planned again; the publisher keeps an issue it has already"
            + " published unchanged, so the new plan reaches only an issue not yet published";

    @Inject
    IssuePlanner planner;

    @Inject
    FetcherConfig config;

    @Inject
    ObjectMapper mapper;

    /** The body is read by hand so that every way it can be wrong gets its own message. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan the issue of a week, or a custom issue of arXiv papers; its papers are fetched in"
            + " the background")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = IssueRequest.class)))
    @APIResponse(responseCode = "202", description = "Planned",
            content = @Content(schema = @Schema(implementation = IssueAccepted.class)))
    @APIResponse(responseCode = "200", description = "The week was planned before: its issue, nothing sent",
            content = @Content(schema = @Schema(implementation = IssueAccepted.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, date or ids, or a week the list does not have",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "502", description = "The list cannot be read",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials (HTTP basic auth)")
    @APIResponse(responseCode = "403", description = "The user lacks the admin role")
    @RolesAllowed("admin")
    public Response plan(String body) {
        JsonNode json = object(body);
        if (json.has("regenerate")) {
            // The flag's former name: refused rather than ignored, so that no caller believes it re-planned.
            throw new InvalidRequestException("\"regenerate\" is now \"replan\" (plan the week again); a new"
                    + " revision of a published issue is asked of the publisher: POST /api/issues/{id}/regenerate");
        }
        JsonNode ids = json.get("arxivIds");
        PlanOutcome outcome;
        if (ids != null && !ids.isNull()) {
            if (present(json, "week") || present(json, "replan")) {
                throw new InvalidRequestException("send either \"week\" (with \"replan\" if wanted) or"
                        + " \"arxivIds\", not both: a custom issue is always a new issue");
            }
            List<ArxivId> arxivIds = arxivIds(ids);
            outcome = planner.planCustom(arxivIds, title(json.get("title"), arxivIds.size()));
        } else {
            if (present(json, "title")) {
                throw new InvalidRequestException("\"title\" is for custom issues (with \"arxivIds\"); a week's"
                        + " issue has the list's title");
            }
            boolean replan = replan(json.get("replan"));
            Optional<LocalDate> week = week(json.get("week"));
            outcome = week.isPresent() ? planner.planWeek(week.get(), replan) : planner.planLatest(replan);
        }
        if (outcome.existing()) {
            return Response.ok(accepted(outcome, EXISTING_NOTE)).build();
        }
        return Response.accepted(accepted(outcome, outcome.replanned() ? REPLANNED_NOTE : null)).build();
    }

    private static IssueAccepted accepted(PlanOutcome outcome, String note) {
        return new IssueAccepted(outcome.issueId(), outcome.title(), outcome.paperCount(), outcome.existing(), note);
    }

    private JsonNode object(String body) {
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
        return json;
    }

    private static boolean present(JsonNode json, String field) {
        return json.has(field) && !json.get(field).isNull();
    }

    /** The week's start date, or empty for the newest week. */
    private static Optional<LocalDate> week(JsonNode week) {
        if (week == null || week.isNull()) {
            throw new InvalidRequestException("\"week\" is missing; " + EXAMPLE);
        }
        if (!week.isTextual()) {
            throw new InvalidRequestException("\"week\" must be a string date like \"2023-11-20\", not " + week);
        }
        if (week.asText().strip().equalsIgnoreCase(LATEST)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(week.asText()));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("\"week\" must be a date in the form YYYY-MM-DD, like \"2023-11-20\","
                    + " or \"latest\"; got \"" + week.asText() + "\"");
        }
    }

    private static boolean replan(JsonNode replan) {
        if (replan == null || replan.isNull()) {
            return false;
        }
        if (!replan.isBoolean()) {
            throw new InvalidRequestException("\"replan\" must be true or false, not " + replan);
        }
        return replan.booleanValue();
    }

    /** Every wrong entry is named at once, so the caller fixes the list in one go. */
    private List<ArxivId> arxivIds(JsonNode ids) {
        int max = config.custom().maxPapers();
        if (!ids.isArray()) {
            throw new InvalidRequestException("\"arxivIds\" must be an array of arXiv ids like [\"2311.12022\"], not "
                    + ids);
        }
        if (ids.isEmpty()) {
            throw new InvalidRequestException("\"arxivIds\" is empty; name 1 to " + max + " arXiv ids");
        }
        if (ids.size() > max) {
            throw new InvalidRequestException("\"arxivIds\" names " + ids.size() + " ids; a custom issue has at most "
                    + max);
        }
        List<ArxivId> parsed = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        Map<String, List<String>> spellings = new LinkedHashMap<>();
        for (JsonNode entry : ids) {
            Optional<ArxivId> id = entry.isTextual() ? ArxivId.parse(entry.asText()) : Optional.empty();
            if (id.isEmpty()) {
                invalid.add(entry.isTextual() ? entry.asText() : entry.toString());
                continue;
            }
            parsed.add(id.get());
            spellings.computeIfAbsent(id.get().id(), k -> new ArrayList<>()).add(id.get().versioned());
        }
        List<String> duplicates = spellings.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).toList();
        if (invalid.isEmpty() && duplicates.isEmpty()) {
            return parsed;
        }
        List<String> problems = new ArrayList<>();
        if (!invalid.isEmpty()) {
            problems.add("not arXiv ids: " + String.join(", ", invalid.stream().map(s -> "\"" + s + "\"").toList())
                    + " (expected e.g. 2311.12022, 2311.12022v1 or cs/0112017)");
        }
        if (!duplicates.isEmpty()) {
            problems.add("duplicates: " + String.join(", ", duplicates.stream()
                    .map(id -> id + " (as " + String.join(", ", new LinkedHashSet<>(spellings.get(id))) + ")")
                    .toList()));
        }
        throw new InvalidRequestException("\"arxivIds\": " + String.join("; ", problems), invalid, duplicates);
    }

    private String title(JsonNode title, int paperCount) {
        if (title == null || title.isNull()) {
            return "Custom issue (" + paperCount + (paperCount == 1 ? " paper)" : " papers)");
        }
        if (!title.isTextual() || title.asText().isBlank()) {
            throw new InvalidRequestException("\"title\" must be a non-blank string, or left out for the default"
                    + " \"Custom issue (N papers)\"; got " + title);
        }
        String text = title.asText().strip();
        // The stored title holds 500 characters, whatever the setting says.
        int max = Math.min(500, config.custom().maxTitleLength());
        if (text.length() > max) {
            throw new InvalidRequestException("\"title\" has " + text.length() + " characters; at most " + max);
        }
        return text;
    }
}

package org.paperdigest.fetcher.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/issues}: a week of the list, or a custom list of arXiv papers. */
@Schema(description = "Which issue to make: send either week or arxivIds")
public record IssueRequest(
        @Schema(description = "The week's start date as the list gives it (see GET /api/weeks), or \"latest\" for"
                + " the list's newest week", example = "2023-11-20") String week,
        @Schema(description = "Plan the week again from the list although it was planned before: the stored plan is"
                + " replaced, sent again and its papers fetched again. The publisher keeps an issue it has already"
                + " published unchanged (a new revision of a published issue is the publisher's regeneration); a new"
                + " plan reaches only an issue not yet published.", defaultValue = "false") Boolean replan,
        @Schema(description = "A custom issue: arXiv ids in the order the issue lists them, with or without"
                + " version (old-style ids like cs/0112017 too), each at most once",
                example = "[\"2311.12022\", \"2311.13581v1\"]") List<String> arxivIds,
        @Schema(description = "The custom issue's title; default \"Custom issue (N papers)\"",
                example = "My reading list") String title) {
}

package org.paperdigest.fetcher.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/issues}. */
@Schema(description = "Which week to make an issue of")
public record IssueRequest(
        @Schema(description = "The week's start date as the list gives it (see GET /api/weeks)",
                example = "2023-11-20", required = true, format = "date") String week) {
}

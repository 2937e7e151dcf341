package org.paperdigest.fetcher.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an issue request: a new plan (the papers follow as events), or the issue planned before.
 *
 * @param existing true when the issue had been planned before and nothing was sent
 * @param note     what the caller should know about the answer, when there is something
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssueAccepted(String issueId, String title, int paperCount, boolean existing, String note) {
}

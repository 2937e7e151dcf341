package org.paperdigest.fetcher.domain;

import org.paperdigest.events.RegenerationRequested;

/**
 * What papers are fetched for: an issue's revision (1 for its plan, one more per regeneration) and the chat model
 * the LLM services are to make them with (null for their configured one). Every event about a paper carries both.
 */
public record IssueRun(String issueId, int revision, String model) {

    public static IssueRun first(String issueId) {
        return new IssueRun(issueId, 1, null);
    }

    public static IssueRun of(RegenerationRequested request) {
        return new IssueRun(request.issueId(), request.revision(), request.model());
    }
}

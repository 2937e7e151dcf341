package org.paperdigest.fetcher.rest;

/** The answer to an accepted issue request; the papers follow as events. */
public record IssueAccepted(String issueId, String title, int paperCount) {
}

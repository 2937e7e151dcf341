package org.paperdigest.publisher.domain;

import java.time.Instant;

/** An issue in the list of issues. {@code publishedAt} is null until it is published. */
public record IssueOverview(String issueId, String title, IssueStatus status, Progress progress, Instant publishedAt) {
}

package org.paperdigest.publisher.domain;

/**
 * Fired (as a CDI event) by every write that changes what {@code GET /api/issues/{id}} shows of an issue: its status,
 * progress, published revision or push deliveries. Observers that keep the issue in memory drop it.
 */
public record IssueChanged(String issueId) {
}

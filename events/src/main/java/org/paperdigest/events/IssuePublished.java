package org.paperdigest.events;

import java.time.Instant;

/** An issue revision was assembled and stored; it is now readable. */
public record IssuePublished(
        int schemaVersion,
        String issueId,
        int revision,
        int paperCount,
        int failedCount,
        Instant publishedAt) implements DigestEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return issueId;
    }
}

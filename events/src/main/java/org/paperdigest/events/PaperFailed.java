package org.paperdigest.events;

import java.time.Instant;

/**
 * A paper failed for good at one stage. {@code reason} is written for a person who can act on it.
 * A fetch failure ends the paper; a summarize or answer failure ends only that stage.
 */
public record PaperFailed(
        int schemaVersion,
        String issueId,
        String paperKey,
        Stage stage,
        String reason,
        Instant failedAt) implements DigestEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return paperKey;
    }
}

package org.paperdigest.events;

import java.time.Instant;

/**
 * A paper failed for good at one stage. {@code reason} is written for a person who can act on it.
 * A fetch failure ends the paper; a summarize or answer failure ends only that stage.
 *
 * @param revision the issue revision the failed work was for
 */
public record PaperFailed(
        int schemaVersion,
        String issueId,
        String paperKey,
        int revision,
        Stage stage,
        String reason,
        Instant failedAt) implements PaperEvent {

    public static final int SCHEMA_VERSION = 2;
}

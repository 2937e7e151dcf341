package org.paperdigest.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An issue was planned: the papers it will hold, in the order of the list. */
public record IssuePlanned(
        int schemaVersion,
        String issueId,
        String title,
        LocalDate weekStart,
        LocalDate weekEnd,
        List<PlannedPaper> papers,
        Instant plannedAt) implements DigestEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return issueId;
    }
}

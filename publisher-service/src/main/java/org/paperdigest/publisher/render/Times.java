package org.paperdigest.publisher.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as pages show them: to the minute, in UTC, saying so. */
final class Times {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String minute(Instant instant) {
        return instant == null ? IssueMarkdown.UNKNOWN : MINUTE.format(instant);
    }
}

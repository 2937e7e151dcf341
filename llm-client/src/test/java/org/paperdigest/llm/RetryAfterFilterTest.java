package org.paperdigest.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterFilterTest {

    @Test
    void readsDeltaSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfterFilter.parse(" 7 "));
    }

    @Test
    void readsAnHttpDate() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));

        Duration wait = RetryAfterFilter.parse(inTenSeconds).orElseThrow();

        assertTrue(wait.toSeconds() >= 8 && wait.toSeconds() <= 10, wait.toString());
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertEquals(Optional.empty(), RetryAfterFilter.parse("soon"));
        assertEquals(Optional.empty(), RetryAfterFilter.parse(null));
    }
}

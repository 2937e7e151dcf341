package org.paperdigest.fetcher.rest;

import java.time.LocalDate;

/** One week the list offers. {@code week} is what {@code POST /api/issues} takes. */
public record WeekSummary(LocalDate week, LocalDate end, String title, int paperCount) {
}

package org.paperdigest.fetcher.service;

import java.time.LocalDate;
import java.util.List;

/** The list has no week starting on the requested day. */
public class UnknownWeekException extends RuntimeException {

    private final LocalDate week;
    private final List<LocalDate> nearest;

    public UnknownWeekException(LocalDate week, List<LocalDate> nearest) {
        super("the list has no week starting " + week + (nearest.isEmpty() ? "" : "; nearest weeks: "
                + String.join(", ", nearest.stream().map(LocalDate::toString).toList()))
                + "; GET /api/weeks lists them all");
        this.week = week;
        this.nearest = List.copyOf(nearest);
    }

    public LocalDate week() {
        return week;
    }

    public List<LocalDate> nearest() {
        return nearest;
    }
}

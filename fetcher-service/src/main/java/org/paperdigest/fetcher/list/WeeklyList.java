package org.paperdigest.fetcher.list;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The weeks of the list, newest first. */
public record WeeklyList(List<Week> weeks) {

    public WeeklyList {
        weeks = weeks.stream().sorted(Comparator.comparing(Week::start).reversed()).toList();
    }

    public Optional<Week> find(LocalDate start) {
        return weeks.stream().filter(week -> week.start().equals(start)).findFirst();
    }

    public Optional<Week> newest() {
        return weeks.stream().findFirst();
    }

    /** The {@code count} week starts closest to {@code date}, nearest first. */
    public List<LocalDate> nearest(LocalDate date, int count) {
        return weeks.stream()
                .map(Week::start)
                .sorted(Comparator.comparingLong((LocalDate start) -> Math.abs(ChronoUnit.DAYS.between(date, start)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(count)
                .toList();
    }
}

package org.paperdigest.fetcher.list;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One "Top ML Papers of the Week" section of the list.
 *
 * @param start   first day as the heading writes it; the issue id is its ISO form
 * @param end     last day as the heading writes it
 * @param heading the heading text without {@code ## }
 * @param line    1-based line of the heading in the README
 */
public record Week(LocalDate start, LocalDate end, String heading, int line, List<ListRow> rows) {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_DAY_YEAR = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    public Week {
        rows = List.copyOf(rows);
    }

    public String issueId() {
        return start.toString();
    }

    /** E.g. {@code Top ML Papers of the Week (November 20 - November 26, 2023)}: the list's words, with the year. */
    public String title() {
        String range = start.getYear() == end.getYear()
                ? MONTH_DAY.format(start) + " - " + MONTH_DAY_YEAR.format(end)
                : MONTH_DAY_YEAR.format(start) + " - " + MONTH_DAY_YEAR.format(end);
        return "Top ML Papers of the Week (" + range + ")";
    }
}

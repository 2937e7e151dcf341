package org.paperdigest.fetcher.list;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.paperdigest.events.Link;

/**
 * Reads the weeks of the dair-ai "ML Papers of the Week" README.
 *
 * <p>The file is newest first and its format drifted over the years: 2023 headings carry no year and early ones are
 * abbreviated ({@code (Jan 1-8)}, {@code (Feb 27-Mar 5)}); 2024/2025 headings end with {@code - 2024}. Rows went
 * from {@code | N) **Title** - summary | links |} to {@code **Title** -summary} to a non-bold title followed by two
 * spaces and {@code <br>●} bullets. Link cells use commas or spaces and carry typos such as {@code [Tweet)]}.
 */
public final class ReadmeParser {

    private static final Logger LOG = Logger.getLogger(ReadmeParser.class);

    private static final Pattern HEADING = Pattern.compile(
            "^##\\s+Top ML Papers of the Week\\s*\\(([^)]*)\\)\\s*(?:[-–—]\\s*(\\d{4}))?\\s*$");
    /** {@code November 20 - November 26}, {@code May 22-28}, {@code Feb 27-Mar 5}, {@code Feb 13 - 19}. */
    private static final Pattern RANGE = Pattern.compile(
            "^\\s*([A-Za-z]+)\\.?\\s*(\\d{1,2})\\s*[-–—]\\s*(?:([A-Za-z]+)\\.?\\s*)?(\\d{1,2})\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*\\d+\\s*[).]");
    private static final Pattern OTHER_HEADING = Pattern.compile("^#{1,2}\\s");
    private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");
    private static final Pattern ROW_NUMBER = Pattern.compile("^\\s*\\d+\\s*[).]\\s*");
    /** A bold title; {@code *8} is a typo for {@code **} seen in the list. */
    private static final Pattern BOLD_TITLE = Pattern.compile("^\\*[*8]\\s*(.+?)\\s*\\*\\*\\s*(.*)$", Pattern.DOTALL);
    /**
     * Between a non-bold title and its description: two spaces or a spaced dash, or (where the list forgot both) a
     * single space before the words its descriptions open with.
     */
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s{2,}|\\s[-–—:]\\s|\\s(?=(?:Introduces"
            + "|Proposes|Presents|Releases|This (?:paper|work|study|survey|report)|Researchers|The authors)\\b)");
    private static final Pattern LEADING_DASH = Pattern.compile("^[-–—:]\\s*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]+)>?\\s*\\)");

    private ReadmeParser() {
    }

    /** Parses with year inference anchored on today (UTC) for a year-less heading that has nothing above it. */
    public static WeeklyList parse(String markdown) {
        return parse(markdown, LocalDate.now(ZoneOffset.UTC));
    }

    public static WeeklyList parse(String markdown, LocalDate today) {
        List<Week> weeks = new ArrayList<>();
        String[] lines = markdown.split("\r?\n", -1);
        PendingWeek current = null;
        LocalDate previousStart = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNumber = i + 1;
            Matcher heading = HEADING.matcher(line.strip());
            if (heading.matches()) {
                if (current != null) {
                    weeks.add(current.toWeek());
                }
                current = null;
                DateRange range = dates(heading.group(1), heading.group(2), previousStart, today);
                if (range == null) {
                    LOG.warnf("README line %d: cannot read the dates of '%s'", lineNumber, line.strip());
                    continue;
                }
                previousStart = range.start();
                current = new PendingWeek(range, line.strip().substring(2).strip(), lineNumber);
            } else if (current != null && ROW.matcher(line).find()) {
                ListRow row = row(line, current.rows.size() + 1, lineNumber);
                if (row != null) {
                    current.rows.add(row);
                }
            } else if (current != null && OTHER_HEADING.matcher(line).find()) {
                weeks.add(current.toWeek());
                current = null;
            }
        }
        if (current != null) {
            weeks.add(current.toWeek());
        }
        return new WeeklyList(weeks);
    }

    /**
     * A heading's dates. A trailing year names the week's end (the list writes {@code (December 30 - January 5) -
     * 2025}). Without one, the year is that of the week above (the file is newest first), minus one when that would
     * put this week after it.
     */
    static DateRange dates(String range, String year, LocalDate previousStart, LocalDate today) {
        Matcher m = RANGE.matcher(range);
        if (!m.matches()) {
            return null;
        }
        Month startMonth = month(m.group(1));
        Month endMonth = m.group(3) == null ? startMonth : month(m.group(3));
        if (startMonth == null || endMonth == null) {
            return null;
        }
        int startDay = Integer.parseInt(m.group(2));
        int endDay = Integer.parseInt(m.group(4));
        boolean crossesYear = endMonth.getValue() < startMonth.getValue();
        try {
            int startYear;
            if (year != null) {
                startYear = Integer.parseInt(year) - (crossesYear ? 1 : 0);
            } else {
                LocalDate anchor = previousStart != null ? previousStart : today;
                startYear = anchor.getYear();
                LocalDate candidate = LocalDate.of(startYear, startMonth, startDay);
                boolean mustBeBefore = previousStart != null;
                if (mustBeBefore ? !candidate.isBefore(anchor) : candidate.isAfter(anchor)) {
                    startYear--;
                }
            }
            LocalDate start = LocalDate.of(startYear, startMonth, startDay);
            LocalDate end = LocalDate.of(startYear + (crossesYear ? 1 : 0), endMonth, endDay);
            return end.isBefore(start) ? null : new DateRange(start, end);
        } catch (DateTimeException e) {
            return null;
        }
    }

    record DateRange(LocalDate start, LocalDate end) {
    }

    private static Month month(String name) {
        if (name.length() < 3) {
            return null;
        }
        String prefix = name.substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().startsWith(prefix)) {
                return month;
            }
        }
        return null;
    }

    /** One table row: the paper cell (number, title, description) and the last cell (links). */
    static ListRow row(String line, int position, int lineNumber) {
        List<String> cells = new ArrayList<>(List.of(CELL_SEPARATOR.split(line.strip(), -1)));
        // "| a | b |" splits into "", " a ", " b ", "": drop the outer empties.
        if (!cells.isEmpty() && cells.get(0).isBlank()) {
            cells.remove(0);
        }
        if (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        if (cells.isEmpty()) {
            return null;
        }
        String paperCell;
        String linkCell;
        if (cells.size() == 1) {
            paperCell = cells.get(0);
            linkCell = cells.get(0);
        } else {
            // A stray pipe inside the description makes more cells; the links are always the last one.
            paperCell = String.join("|", cells.subList(0, cells.size() - 1));
            linkCell = cells.get(cells.size() - 1);
        }
        String text = ROW_NUMBER.matcher(paperCell.strip()).replaceFirst("");
        String title;
        String description;
        Matcher bold = BOLD_TITLE.matcher(text);
        if (bold.matches()) {
            title = bold.group(1);
            description = LEADING_DASH.matcher(bold.group(2).strip()).replaceFirst("");
        } else {
            Matcher separator = TITLE_SEPARATOR.matcher(text);
            if (separator.find()) {
                title = text.substring(0, separator.start());
                description = text.substring(separator.end());
            } else {
                title = text;
                description = "";
            }
        }
        return new ListRow(position, MarkdownText.plain(title).replace('\n', ' ').strip(),
                MarkdownText.plain(description), links(linkCell), lineNumber);
    }

    private static List<Link> links(String cell) {
        List<Link> links = new ArrayList<>();
        Matcher m = LINK.matcher(cell);
        while (m.find()) {
            String label = m.group(1).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "").replaceAll("\\s+", " ");
            String url = m.group(2).strip();
            if (!label.isEmpty() && url.matches("(?i)^https?://\\S+$")) {
                links.add(new Link(label, url));
            }
        }
        return links;
    }

    private static final class PendingWeek {
        final DateRange range;
        final String heading;
        final int line;
        final List<ListRow> rows = new ArrayList<>();

        PendingWeek(DateRange range, String heading, int line) {
            this.range = range;
            this.heading = heading;
            this.line = line;
        }

        Week toWeek() {
            return new Week(range.start(), range.end(), heading, line, rows);
        }
    }
}

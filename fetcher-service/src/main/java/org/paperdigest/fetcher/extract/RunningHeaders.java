package org.paperdigest.fetcher.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes running headers and footers: lines a document repeats at the top or the bottom of its pages, such as
 * "Preprint. Under review.", a venue line or page numbers. Lines are compared with every run of digits read as
 * one digit, so "Page 3 of 12" on one page matches "Page 4 of 12" on the next.
 *
 * <p>A line counts as running when it is among the first (for a header) or last (for a footer)
 * {@value #MARGIN_LINES} lines of at least {@value #MIN_PAGES} pages and of at least a third of the pages; it is
 * then removed from that end of every page and kept wherever else it stands. Two lines, because a running head
 * often shares its end of the page with a page number or a second running line. A third, because books and
 * journals alternate heads (title on odd pages, authors on even ones), so each appears on just under half the
 * pages, and a float can push a head out of the window on some pages; a line that merely happens to open a few
 * pages (Self-RAG opens 5 of its 30 pages with "Instructions") stays. Three pages at least, because on a shorter
 * document a repeat cannot be told from coincidence.
 */
final class RunningHeaders {

    static final int MARGIN_LINES = 2;
    static final int MIN_PAGES = 3;
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private RunningHeaders() {
    }

    /** Each page's lines, in the order given, without the running headers and footers found across all of them. */
    static List<List<String>> remove(List<List<String>> pages) {
        int needed = Math.max(MIN_PAGES, (pages.size() + 2) / 3);
        Set<String> headers = repeated(pages, true, needed);
        Set<String> footers = repeated(pages, false, needed);
        List<List<String>> kept = new ArrayList<>();
        for (List<String> lines : pages) {
            List<String> page = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String key = key(lines.get(i));
                boolean header = i < MARGIN_LINES && headers.contains(key);
                boolean footer = i >= lines.size() - MARGIN_LINES && footers.contains(key);
                if (!header && !footer) {
                    page.add(lines.get(i));
                }
            }
            kept.add(page);
        }
        return kept;
    }

    /** The keys found in the top (or bottom) lines of at least {@code needed} pages. */
    private static Set<String> repeated(List<List<String>> pages, boolean top, int needed) {
        Map<String, Integer> pagesWith = new HashMap<>();
        for (List<String> lines : pages) {
            int size = Math.min(MARGIN_LINES, lines.size());
            List<String> margin = top ? lines.subList(0, size) : lines.subList(lines.size() - size, lines.size());
            Set<String> keys = new HashSet<>();
            for (String line : margin) {
                keys.add(key(line));
            }
            keys.forEach(key -> pagesWith.merge(key, 1, Integer::sum));
        }
        Set<String> repeated = new HashSet<>();
        pagesWith.forEach((key, count) -> {
            if (count >= needed) {
                repeated.add(key);
            }
        });
        return repeated;
    }

    private static String key(String line) {
        return DIGITS.matcher(line.strip()).replaceAll("0");
    }
}

package org.paperdigest.fetcher.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * Puts the lines of a two-column page in reading order. Sorting by position, PDFBox reads across the page, so a
 * line of the left column and the line beside it in the right column come out as one line; read as they are, the
 * two columns interleave line by line.
 *
 * <p>A page has two columns when a gutter runs down the middle of its text: a strip, in the middle fifth of the
 * text's width, that most lines leave empty, with at least {@value #MIN_COLUMN_LINES} lines of text on each side
 * of it. Two more signs tell columns from a table or a figure's labels: most right-hand lines start at the same x
 * (the right column's edge), and both sides hold prose, lines of typically {@value #PROSE_WORDS} words or more
 * (a table's labels and numbers, like GPQA's, hold fewer). Lines that cross the gutter (a title, a full-width
 * figure or caption, a running head) split the page into blocks, and each block is read left column first, then
 * right column. Any other page is read as PDFBox sorted it.
 */
final class ColumnOrder {

    /** Width of the strip that must be free of text: wider than a space between words in justified text. */
    private static final float GUTTER = 6f;
    private static final int MIN_COLUMN_LINES = 3;
    private static final int PROSE_WORDS = 4;

    private ColumnOrder() {
    }

    /** The text of the lines in reading order, one string per line. */
    static List<String> readingOrder(List<TextLine> lines) {
        OptionalDouble gutter = gutter(lines);
        if (gutter.isEmpty()) {
            return lines.stream().map(TextLine::text).toList();
        }
        double x = gutter.getAsDouble();
        List<String> ordered = new ArrayList<>();
        List<TextLine> block = new ArrayList<>();
        for (TextLine line : lines) {
            if (line.upright() && !crosses(line, x)) {
                block.add(line);
                continue;
            }
            readBlock(block, x, ordered);
            block.clear();
            ordered.add(line.text());
        }
        readBlock(block, x, ordered);
        return ordered;
    }

    private static void readBlock(List<TextLine> block, double x, List<String> ordered) {
        side(block, leftOf(x)).forEach(line -> ordered.add(line.text()));
        side(block, rightOf(x)).forEach(line -> ordered.add(line.text()));
    }

    /** The x of the gutter between two columns, or empty when the page does not have two. */
    private static OptionalDouble gutter(List<TextLine> lines) {
        List<TextLine> upright = lines.stream().filter(line -> line.upright() && !line.words().isEmpty()).toList();
        if (upright.isEmpty()) {
            return OptionalDouble.empty();
        }
        double from = upright.stream().flatMap(line -> line.words().stream()).mapToDouble(TextLine.Word::left).min()
                .orElseThrow();
        double to = upright.stream().flatMap(line -> line.words().stream()).mapToDouble(TextLine.Word::right).max()
                .orElseThrow();
        double best = Double.NaN;
        long fewest = Long.MAX_VALUE;
        for (double x = from + 0.4 * (to - from); x <= from + 0.6 * (to - from); x++) {
            double at = x;
            long crossing = upright.stream().filter(line -> crosses(line, at)).count();
            if (crossing < fewest) {
                fewest = crossing;
                best = x;
            }
        }
        if (Double.isNaN(best) || fewest * 2 >= upright.size()) {
            return OptionalDouble.empty();
        }
        double x = best;
        List<TextLine> beside = upright.stream().filter(line -> !crosses(line, x)).toList();
        return separatesColumns(beside, x) ? OptionalDouble.of(x) : OptionalDouble.empty();
    }

    /** Whether the lines beside the strip at {@code x} read as two columns rather than a table or labels. */
    private static boolean separatesColumns(List<TextLine> beside, double x) {
        List<TextLine> left = side(beside, leftOf(x));
        List<TextLine> right = side(beside, rightOf(x));
        if (left.size() < MIN_COLUMN_LINES || right.size() < MIN_COLUMN_LINES) {
            return false;
        }
        List<Float> rightStarts = right.stream().map(line -> line.words().get(0).left()).toList();
        return commonestCount(rightStarts) * 2 > rightStarts.size() && isProse(left) && isProse(right);
    }

    private static Predicate<TextLine.Word> leftOf(double x) {
        return word -> word.right() <= x;
    }

    private static Predicate<TextLine.Word> rightOf(double x) {
        return word -> word.left() >= x;
    }

    /** The part of each line on one side of the gutter, for the lines that have one. */
    private static List<TextLine> side(List<TextLine> lines, Predicate<TextLine.Word> onSide) {
        return lines.stream().map(line -> new TextLine(line.words().stream().filter(onSide).toList(), true))
                .filter(line -> !line.words().isEmpty()).toList();
    }

    /** Whether the median line has at least {@value #PROSE_WORDS} words (PDFBox may keep spaces inside a word). */
    private static boolean isProse(List<TextLine> lines) {
        List<Integer> counts = lines.stream().map(line -> line.text().strip().split("\\s+").length).sorted().toList();
        return counts.get(counts.size() / 2) >= PROSE_WORDS;
    }

    /** How many of the positions round to the commonest whole point. */
    private static int commonestCount(List<Float> positions) {
        Map<Integer, Integer> counts = new HashMap<>();
        positions.forEach(position -> counts.merge(Math.round(position), 1, Integer::sum));
        return counts.values().stream().max(Integer::compare).orElse(0);
    }

    private static boolean crosses(TextLine line, double x) {
        return line.words().stream()
                .anyMatch(word -> word.left() < x + GUTTER / 2 && word.right() > x - GUTTER / 2);
    }
}

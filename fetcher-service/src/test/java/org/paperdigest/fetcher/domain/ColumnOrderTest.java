package org.paperdigest.fetcher.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnOrderTest {

    /** US Letter with one-inch margins: text from 72 to 540 points, columns 72-294 and 318-540. */
    @Test
    void readsEachBlockLeftColumnThenRightColumn() {
        List<TextLine> lines = List.of(
                line(72, 540, "A title across the whole width"),
                line(72, 294, "left a1 text goes", 318, 540, "right b1 text goes"),
                line(72, 294, "left a2 text on", 318, 540, "right b2 text on"),
                line(72, 200, "left a3 text ends", 318, 420, "right b3 text ends"),
                line(72, 540, "A full-width figure caption splits the columns"),
                line(72, 294, "left c1 text goes", 318, 540, "right d1 text goes"),
                line(72, 294, "left c2 text on"),
                line(318, 540, "right d2 text on"),
                line(72, 294, "left c3 text here", 318, 540, "right d3 text here"));
        assertEquals(List.of(
                "A title across the whole width",
                "left a1 text goes", "left a2 text on", "left a3 text ends",
                "right b1 text goes", "right b2 text on", "right b3 text ends",
                "A full-width figure caption splits the columns",
                "left c1 text goes", "left c2 text on", "left c3 text here",
                "right d1 text goes", "right d2 text on", "right d3 text here"), ColumnOrder.readingOrder(lines));
    }

    @Test
    void leavesATableWithAWideGapBetweenLabelsAndNumbersInRowOrder() {
        // As on GPQA's page 20: the numbers line up, but neither side is prose.
        List<TextLine> lines = new ArrayList<>();
        lines.add(line(72, 540, "Body text runs across the whole width of the page."));
        for (String model : List.of("Zero-Shot GPT-4", "Few-Shot GPT-4", "Zero-Shot CoT GPT-4", "GPT-4 search")) {
            lines.add(line(114, 240, model, 366, 480, "0.2 0.2 0.0"));
        }
        assertEquals(lines.stream().map(TextLine::text).toList(), ColumnOrder.readingOrder(lines));
    }

    @Test
    void leavesASingleColumnPageAsItIs() {
        List<TextLine> lines = List.of(
                line(72, 540, "One column of text runs from margin to margin."),
                line(72, 130, "short line"),
                line(72, 540, "Another line of text runs from margin to margin."),
                line(72, 540, "The last line runs from margin to margin too."));
        assertEquals(lines.stream().map(TextLine::text).toList(), ColumnOrder.readingOrder(lines));
    }

    /** A line whose words, 3 points apart, fill the span from {@code from} to {@code to}. */
    private static TextLine line(float from, float to, String text) {
        return new TextLine(words(from, to, text), true);
    }

    private static TextLine line(float leftFrom, float leftTo, String left, float rightFrom, float rightTo,
            String right) {
        List<TextLine.Word> words = new ArrayList<>(words(leftFrom, leftTo, left));
        words.addAll(words(rightFrom, rightTo, right));
        return new TextLine(words, true);
    }

    private static List<TextLine.Word> words(float from, float to, String text) {
        String[] split = text.split(" ");
        float width = (to - from - 3 * (split.length - 1)) / split.length;
        List<TextLine.Word> words = new ArrayList<>();
        for (int i = 0; i < split.length; i++) {
            float left = from + i * (width + 3);
            words.add(new TextLine.Word(split[i], left, left + width));
        }
        return words;
    }
}

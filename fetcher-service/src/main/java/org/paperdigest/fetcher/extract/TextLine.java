package org.paperdigest.fetcher.extract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of a PDF page as PDFBox assembled it, with where each word stands on the page.
 *
 * @param upright false for sideways or upside-down text (arXiv's margin stamp, rotated axis labels)
 */
record TextLine(List<Word> words, boolean upright) {

    /**
     * A word, its box in points from the top left of the page, and its font size.
     *
     * @param top    the top of its tallest glyph
     * @param bottom its baseline
     */
    record Word(String text, float left, float right, float top, float bottom, float size) {

        /**
         * Its size as it stands on the page: the font size, unless its glyphs stand far smaller, as the text of a
         * scaled figure does.
         */
        float em() {
            return Math.min(size, 2 * (bottom - top));
        }
    }

    TextLine {
        words = List.copyOf(words);
    }

    String text() {
        return words.stream().map(Word::text).collect(Collectors.joining(" "));
    }

    float left() {
        return words.get(0).left();
    }

    float right() {
        return (float) words.stream().mapToDouble(Word::right).max().orElse(0);
    }

    float top() {
        return (float) words.stream().mapToDouble(Word::top).min().orElse(0);
    }

    float bottom() {
        return (float) words.stream().mapToDouble(Word::bottom).max().orElse(0);
    }

    float em() {
        return (float) words.stream().mapToDouble(Word::em).max().orElse(0);
    }

    /** The size most of its characters are set in. */
    float size() {
        return words.stream().max((a, b) -> Integer.compare(a.text().length(), b.text().length()))
                .map(Word::size).orElse(0f);
    }
}

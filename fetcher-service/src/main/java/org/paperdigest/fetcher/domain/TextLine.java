package org.paperdigest.fetcher.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of a PDF page as PDFBox assembled it, with where each word lies across the page.
 *
 * @param upright false for sideways or upside-down text (arXiv's margin stamp, rotated axis labels)
 */
record TextLine(List<Word> words, boolean upright) {

    /** A word and its horizontal extent, in points from the left of the page. */
    record Word(String text, float left, float right) {
    }

    TextLine {
        words = List.copyOf(words);
    }

    String text() {
        return words.stream().map(Word::text).collect(Collectors.joining(" "));
    }
}

package org.paperdigest.publisher.content;

import java.util.List;

/**
 * What the checks did with one paper's generated text.
 *
 * @param generated      items the model produced: translations for a summary, questions for Q&amp;A
 * @param reasked        replies sent back once with the checks' findings
 * @param dropped        items left out
 * @param dropReasons    why, one short line per dropped item
 * @param spansVerified  protected spans proven byte-identical in the translation
 * @param quotesVerified evidence quotes found verbatim in the paper's text
 */
public record QualityReport(int generated, int reasked, int dropped, List<String> dropReasons, int spansVerified,
        int quotesVerified) {

    public QualityReport {
        dropReasons = List.copyOf(dropReasons);
    }
}

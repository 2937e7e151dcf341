package org.paperdigest.events;

import java.util.List;

/**
 * What the deterministic checks did with one paper's generated text, so that a reader can see how much was
 * rejected and why, and how much was proven against the source.
 *
 * @param generated      items the model produced: translations for a summary, questions for Q&amp;A
 * @param reasked        replies sent back once with the checks' findings
 * @param dropped        items left out (after their re-ask, or as duplicates); the paper keeps the rest
 * @param dropReasons    why, one short line per dropped item
 * @param spansVerified  protected spans (URLs, math, names, the title) proven byte-identical in the translation
 * @param quotesVerified evidence quotes found verbatim in the paper's text
 */
public record QualityReport(int generated, int reasked, int dropped, List<String> dropReasons, int spansVerified,
        int quotesVerified) {

    public QualityReport {
        dropReasons = List.copyOf(dropReasons);
    }
}

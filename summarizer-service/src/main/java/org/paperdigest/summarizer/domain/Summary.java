package org.paperdigest.summarizer.domain;

import java.util.List;

/**
 * A validated summary as the generation store keeps it: what a {@code PaperSummarized} carries of its own.
 *
 * @param keyResultsJa the headline results whose numbers the paper states; empty when the model gave none that passed
 */
public record Summary(String abstractJa, String summaryJa, List<String> keyResultsJa) {

    public Summary {
        keyResultsJa = keyResultsJa == null ? List.of() : List.copyOf(keyResultsJa);
    }
}

package org.paperdigest.summarizer.domain;

/** A validated summary as the generation store keeps it: what a {@code PaperSummarized} carries of its own. */
public record Summary(String abstractJa, String summaryJa) {
}

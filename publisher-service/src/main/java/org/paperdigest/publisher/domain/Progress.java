package org.paperdigest.publisher.domain;

/** How many papers of an issue's plan are complete (or failed for good), out of how many. */
public record Progress(int done, int total) {

    public boolean complete() {
        return total > 0 && done == total;
    }
}

package org.paperdigest.publisher.content;

/** A stage of a paper that failed for good, and why. */
public record StageFailure(Stage stage, String reason) {
}

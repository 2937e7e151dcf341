package org.paperdigest.publisher.domain;

import org.paperdigest.events.Stage;

/** A stage of a paper that failed for good, and why. */
public record StageFailure(Stage stage, String reason) {
}

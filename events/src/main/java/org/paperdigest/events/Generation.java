package org.paperdigest.events;

import java.time.Instant;

/** Provenance of generated text: which model and prompt made it, when, and at what cost. */
public record Generation(String model, String promptVersion, Instant generatedAt, TokenUsage usage) {
}

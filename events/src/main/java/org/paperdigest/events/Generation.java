package org.paperdigest.events;

import java.time.Instant;

/**
 * Provenance of generated text: which model and prompt made it, when, at what cost, and what the checks found.
 * A result reused from the store carries the provenance of the generation that made it.
 */
public record Generation(String model, String promptVersion, Instant generatedAt, TokenUsage usage,
        QualityReport quality) {
}

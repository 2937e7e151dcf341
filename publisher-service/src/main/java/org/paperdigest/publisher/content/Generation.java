package org.paperdigest.publisher.content;

import java.time.Instant;

/** Provenance of generated text: which model and prompt made it, when, at what cost, and what the checks found. */
public record Generation(String model, String promptVersion, Instant generatedAt, TokenUsage usage,
        QualityReport quality) {
}

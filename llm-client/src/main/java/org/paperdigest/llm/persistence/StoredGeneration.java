package org.paperdigest.llm.persistence;

import org.paperdigest.events.Generation;

/**
 * A result found in the {@link GenerationStore}, with the provenance of the generation that made it.
 *
 * @param generation the original model, prompt version, time and cost; a reuse costs nothing more
 */
public record StoredGeneration<T>(T result, Generation generation) {
}

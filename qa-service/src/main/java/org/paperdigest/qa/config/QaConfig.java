package org.paperdigest.qa.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the paper's text is cut and searched for each question. */
@ConfigMapping(prefix = "paperdigest.qa")
public interface QaConfig {

    /** Words per evidence chunk (a chunk may run to twice this to end on a sentence; it never crosses a page). */
    @WithDefault("180")
    int chunkWords();

    /** Chunks given to the model with each question: more finds more answers and costs more tokens. */
    @WithDefault("4")
    int chunksPerQuestion();
}

package org.paperdigest.qa.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the paper's text is cut, how much of it each answer is given, and how many answers a paper needs. */
@ConfigMapping(prefix = "paperdigest.qa")
public interface QaConfig {

    /** Words per chunk (a chunk may run to twice this to end on a sentence; it never crosses a page). */
    @WithDefault("180")
    int chunkWords();

    /**
     * Tokens of the paper's text each answer call may be given (estimated at 4 characters a token). A paper that
     * fits is given whole; a larger one is filled by retrieval. 60000 suits 128k-context models such as gpt-4o-mini;
     * set it to what a local model's window leaves after the prompt and the reply (e.g. 6000 for an 8k window).
     */
    @WithDefault("60000")
    int contextTokens();

    /** Answers that must pass their checks for a full-text paper to keep its Q&amp;A (each one that passes is kept). */
    @WithDefault("5")
    int minAnswers();

    /** The same for a paper of which only the abstract could be read. */
    @WithDefault("3")
    int minAnswersAbstractOnly();
}

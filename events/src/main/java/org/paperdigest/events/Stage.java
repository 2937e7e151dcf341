package org.paperdigest.events;

/** The pipeline stage at which a paper failed. */
public enum Stage {
    FETCH,
    SUMMARIZE,
    ANSWER
}

package org.paperdigest.publisher.content;

/** The pipeline stage at which a paper failed, as a revision records it. */
public enum Stage {
    FETCH,
    SUMMARIZE,
    ANSWER
}

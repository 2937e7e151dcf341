package org.paperdigest.qa.client;

/** What a question is about; together the questions of a full-text paper should cover them all. */
public enum Aspect {
    PROBLEM,
    METHOD,
    EVALUATION,
    RESULTS,
    COMPARISON,
    LIMITATIONS,
    RESOURCES,
    /** Earlier papers the work builds on, which a reader should read next (from its related work). */
    NEXT_READING
}

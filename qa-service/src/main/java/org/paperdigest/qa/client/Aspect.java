package org.paperdigest.qa.client;

/** What a question is about; together the questions of a paper should cover them all. */
public enum Aspect {
    PROBLEM,
    METHOD,
    RESULTS,
    COMPARISON,
    LIMITATIONS,
    RESOURCES
}

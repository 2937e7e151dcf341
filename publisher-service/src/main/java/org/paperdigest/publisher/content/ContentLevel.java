package org.paperdigest.publisher.content;

/** How much of a paper could be read: its full text, or only the metadata's abstract. */
public enum ContentLevel {
    FULL_TEXT,
    ABSTRACT_ONLY
}

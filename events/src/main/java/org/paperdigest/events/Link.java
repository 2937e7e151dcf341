package org.paperdigest.events;

/** A labelled link of a list row, e.g. {@code Paper}, {@code Tweet}, {@code Code}. */
public record Link(String label, String url) {
}

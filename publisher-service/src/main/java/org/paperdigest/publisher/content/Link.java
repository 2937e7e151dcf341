package org.paperdigest.publisher.content;

/** A labelled link of the weekly list's row, e.g. {@code Paper}, {@code Tweet}, {@code Code}. */
public record Link(String label, String url) {
}

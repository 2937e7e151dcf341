package org.paperdigest.events;

/** The extracted text of one page; {@code number} is the 1-based page of the source document. */
public record Page(int number, String text) {
}

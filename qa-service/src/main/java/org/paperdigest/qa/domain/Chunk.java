package org.paperdigest.qa.domain;

/**
 * A piece of a paper's text small enough to hand to the model, with where it came from. Evidence takes its page and
 * section from here, never from the model.
 *
 * @param page    1-based page of a PDF's text; null for an abstract or a text without pages (a web page)
 * @param section the heading the text stands under, where one was detected; else null
 */
public record Chunk(Integer page, String section, String text) {
}

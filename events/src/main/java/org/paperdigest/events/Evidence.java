package org.paperdigest.events;

/**
 * A verbatim quote from the paper that an answer rests on.
 *
 * @param page    1-based page of a PDF's text; null when the quote is from the abstract, or from a full text
 *                without pages (a web page, arXiv's HTML rendering), which is cited by section
 * @param section the section heading where known, else null
 */
public record Evidence(String quote, Integer page, String section) {
}

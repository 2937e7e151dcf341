package org.paperdigest.publisher.content;

/**
 * A verbatim quote from the paper that an answer rests on.
 *
 * @param page    1-based page of a PDF's text; null for a quote from the abstract or from a text without pages
 * @param section the section heading where known, else null
 */
public record Evidence(String quote, Integer page, String section) {
}

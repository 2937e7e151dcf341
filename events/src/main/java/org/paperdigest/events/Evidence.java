package org.paperdigest.events;

/**
 * A verbatim quote from the paper that an answer rests on.
 *
 * @param page    1-based page of the full text; null when the quote is from the abstract alone
 * @param section the section heading where known, else null
 */
public record Evidence(String quote, Integer page, String section) {
}

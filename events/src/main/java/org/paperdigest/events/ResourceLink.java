package org.paperdigest.events;

/**
 * A URL the paper's own text gives, with the sentence it stands in (never generated).
 *
 * @param page the page of the full text it stands on; null where it stands in the abstract
 */
public record ResourceLink(String url, String sentence, Integer page) {
}

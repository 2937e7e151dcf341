package org.paperdigest.publisher.content;

/**
 * A URL the paper's own text gives (its code, data, model or project page), with the sentence it stands in, so a
 * reader sees what the paper says it is.
 *
 * @param page the page it stands on; null in the abstract or a text without pages
 */
public record ResourceLink(String url, String sentence, Integer page) {
}

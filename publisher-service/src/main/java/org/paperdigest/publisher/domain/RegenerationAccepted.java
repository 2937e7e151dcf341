package org.paperdigest.publisher.domain;

import java.util.List;

/**
 * A regeneration under way.
 *
 * @param revision  the revision it will publish
 * @param paperKeys the papers made again; the others are carried over from the revision before
 * @param model     the model override; null for the LLM services' configured model
 */
public record RegenerationAccepted(String issueId, int revision, List<String> paperKeys, String model) {
}

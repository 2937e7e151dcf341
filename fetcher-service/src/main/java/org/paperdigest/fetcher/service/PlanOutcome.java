package org.paperdigest.fetcher.service;

/**
 * What became of an issue request.
 *
 * @param existing    the issue had been planned before and nothing was sent
 * @param replanned the issue had been planned before and was planned again on request
 */
public record PlanOutcome(String issueId, String title, int paperCount, boolean existing, boolean replanned) {
}

package org.paperdigest.events;

import java.time.Instant;
import java.util.List;

/**
 * An editor asked for a new revision of a published issue: the named papers are to be fetched and generated again
 * (the fetcher reads them as the plan rows it stored for the issue say). Papers of the issue not named are carried
 * over unchanged. Version 2 names the papers by key; version 1 carried the plan rows themselves.
 *
 * @param revision  the revision this request makes (the published one plus one)
 * @param paperKeys the papers to make again, in plan order
 * @param model     the chat model the LLM services are to use for these papers; null for their configured model,
 *                  which mostly returns their stored results
 */
public record RegenerationRequested(
        int schemaVersion,
        String issueId,
        int revision,
        List<String> paperKeys,
        String model,
        Instant requestedAt) implements DigestEvent {

    public static final int SCHEMA_VERSION = 2;

    @Override
    public String key() {
        return issueId;
    }
}

package org.paperdigest.events;

import java.util.List;

/**
 * The Japanese abstract (a faithful translation), the one-line Japanese summary and the key results of a paper.
 *
 * @param revision     the issue revision of the {@link PaperFetched} it answers
 * @param keyResultsJa up to three short Japanese lines with the paper's headline results, every number in them stated
 *                     by the paper; empty when none passed the checks, null in events made before it existed
 */
public record PaperSummarized(
        int schemaVersion,
        String issueId,
        String paperKey,
        int revision,
        String paperVersion,
        String abstractJa,
        String summaryJa,
        List<String> keyResultsJa,
        Generation generation) implements PaperEvent {

    public static final int SCHEMA_VERSION = 2;
}

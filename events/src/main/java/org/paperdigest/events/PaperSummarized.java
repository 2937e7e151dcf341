package org.paperdigest.events;

/**
 * The Japanese abstract (a faithful translation) and the one-line Japanese summary of a paper.
 *
 * @param revision the issue revision of the {@link PaperFetched} it answers
 */
public record PaperSummarized(
        int schemaVersion,
        String issueId,
        String paperKey,
        int revision,
        String paperVersion,
        String abstractJa,
        String summaryJa,
        Generation generation) implements PaperEvent {

    public static final int SCHEMA_VERSION = 2;
}

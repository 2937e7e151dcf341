package org.paperdigest.events;

/**
 * The Japanese abstract (a faithful translation) and the one-line Japanese summary of a paper.
 */
public record PaperSummarized(
        int schemaVersion,
        String issueId,
        String paperKey,
        String paperVersion,
        String abstractJa,
        String summaryJa,
        Generation generation) implements DigestEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return paperKey;
    }
}

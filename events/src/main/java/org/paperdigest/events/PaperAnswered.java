package org.paperdigest.events;

import java.util.List;

/**
 * The questions and grounded answers for a paper.
 *
 * @param revision the issue revision of the {@link PaperFetched} it answers
 */
public record PaperAnswered(
        int schemaVersion,
        String issueId,
        String paperKey,
        int revision,
        String paperVersion,
        List<QuestionAnswer> items,
        Generation generation) implements PaperEvent {

    public static final int SCHEMA_VERSION = 2;
}

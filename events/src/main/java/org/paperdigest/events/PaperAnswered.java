package org.paperdigest.events;

import java.util.List;

/** The questions and grounded answers for a paper. */
public record PaperAnswered(
        int schemaVersion,
        String issueId,
        String paperKey,
        String paperVersion,
        List<QuestionAnswer> items,
        Generation generation) implements DigestEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return paperKey;
    }
}

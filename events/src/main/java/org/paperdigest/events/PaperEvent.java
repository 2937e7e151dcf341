package org.paperdigest.events;

/** An event about one paper of an issue, made for one revision of that issue. */
public sealed interface PaperEvent extends DigestEvent
        permits PaperFetched, PaperSummarized, PaperAnswered, PaperFailed {

    String paperKey();

    /** The issue revision the paper was being made for: 1, then one more per regeneration that named it. */
    int revision();

    @Override
    default String key() {
        return paperKey();
    }
}

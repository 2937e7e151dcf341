package org.paperdigest.fetcher.source;

import org.paperdigest.events.PlannedPaper;

/**
 * A paper of an issue's plan and the source it is read from.
 *
 * @param paper the plan row; its key names the paper in every event, whatever the source's own key
 */
public record PaperToRead<S extends PaperSource>(PlannedPaper paper, S source) {

    public String key() {
        return paper.paperKey();
    }

    /** This paper as one of {@code kind}, for the reader of that kind. */
    public <T extends PaperSource> PaperToRead<T> as(Class<T> kind) {
        return new PaperToRead<>(paper, kind.cast(source));
    }
}

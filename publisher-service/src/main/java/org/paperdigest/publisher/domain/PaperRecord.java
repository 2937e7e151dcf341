package org.paperdigest.publisher.domain;

import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.publisher.content.Stage;

/**
 * Everything received so far about one paper of one issue, whatever order it came in. Any field may be
 * null. A later success wins over an earlier failure of the same stage (a re-run that worked).
 *
 * @param fetched the fetched paper without its full text (publishing needs only the metadata)
 */
public record PaperRecord(
        String paperKey,
        PaperFetched fetched,
        PaperSummarized summary,
        PaperAnswered answers,
        String fetchFailure,
        String summarizeFailure,
        String answerFailure) {

    public static PaperRecord nothingYet(String paperKey) {
        return new PaperRecord(paperKey, null, null, null, null, null, null);
    }

    public StageState fetch() {
        if (fetched != null) {
            return StageState.DONE;
        }
        return fetchFailure != null ? StageState.failed(fetchFailure) : StageState.PENDING;
    }

    public StageState summarize() {
        return laterStage(summary != null, summarizeFailure);
    }

    public StageState answer() {
        return laterStage(answers != null, answerFailure);
    }

    public StageState stage(Stage stage) {
        return switch (stage) {
            case FETCH -> fetch();
            case SUMMARIZE -> summarize();
            case ANSWER -> answer();
        };
    }

    /**
     * Complete: fetched and both later stages settled (done or failed), or the fetch failed for good.
     */
    public boolean complete() {
        return fetch().status() == StageStatus.FAILED
                || fetch().status() == StageStatus.DONE && summarize().settled() && answer().settled();
    }

    /** Whether anything at all was heard about this paper. */
    public boolean started() {
        return fetched != null || summary != null || answers != null
                || fetchFailure != null || summarizeFailure != null || answerFailure != null;
    }

    private StageState laterStage(boolean done, String failure) {
        if (done) {
            return StageState.DONE;
        }
        if (failure != null) {
            return StageState.failed(failure);
        }
        // A summary or answers can arrive before the fetch event; only a failed fetch ends the wait.
        return fetch().status() == StageStatus.FAILED ? StageState.SKIPPED : StageState.PENDING;
    }
}

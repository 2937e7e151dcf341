package org.paperdigest.llm.stage;

import org.paperdigest.events.QualityReport;

/** What a stage's generation came to: a result that passed its checks, or why the paper fails. */
public sealed interface Generated<R> {

    /**
     * @param model   the model the server says answered
     * @param quality what the checks did on the way
     */
    record Made<R>(R result, String model, QualityReport quality) implements Generated<R> {
    }

    /** @param reason what went wrong and what to do about it, for the person who reads the paper's failure */
    record Failed<R>(String reason) implements Generated<R> {
    }

    static <R> Generated<R> made(R result, String model, QualityReport quality) {
        return new Made<>(result, model, quality);
    }

    static <R> Generated<R> failed(String reason) {
        return new Failed<>(reason);
    }
}

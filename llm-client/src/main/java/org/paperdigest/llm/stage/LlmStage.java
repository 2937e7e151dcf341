package org.paperdigest.llm.stage;

import java.util.Optional;
import org.paperdigest.events.Generation;
import org.paperdigest.events.PaperEvent;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.Stage;
import org.paperdigest.llm.LlmException;

/**
 * What makes a service an LLM stage: which stage it is, the prompt version its results are stored under, the type
 * of those results, and how one is made. {@link LlmStageRunner} does everything around it for each fetched paper:
 * the stored result, the budget, saving, meters, log context and the outcome event. A service has one bean
 * implementing it.
 *
 * @param <R> the result the generation store keeps for a paper, as JSON
 */
public interface LlmStage<R> {

    /** The stage a failure reports; in lower case, the {@code stage} tag of the paper meters. */
    Stage stage();

    String promptVersion();

    Class<R> resultType();

    /** Why nothing can be made of this paper, checked before anything is looked up or spent; empty when it can be. */
    Optional<String> unworkable(PaperFetched paper);

    /**
     * Makes the paper's result with {@code model}, its checks passed. Each call's cost goes to {@code spend} as soon
     * as it is known, an unusable reply's too, so the issue is charged for it however the generation ends.
     *
     * @throws LlmException the server could not be reached or refused the request: the paper fails with its message
     */
    Generated<R> generate(PaperFetched paper, String model, Spend spend);

    /** The event for {@code paper}'s issue carrying {@code result}, whether just made or stored for an earlier one. */
    PaperEvent outcome(PaperFetched paper, R result, Generation generation);
}

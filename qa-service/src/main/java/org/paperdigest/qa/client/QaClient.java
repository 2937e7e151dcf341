package org.paperdigest.qa.client;

import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.llm.LlmCalls;
import org.paperdigest.llm.LlmException;
import org.paperdigest.llm.LlmOutputException;
import org.paperdigest.llm.LlmReply;
import org.paperdigest.llm.LlmUnavailableException;
import org.paperdigest.llm.PaperText;
import org.paperdigest.llm.RetryMeter;

/**
 * The one way to the model for questions and answers. It renders the prompt inputs and owns the retries; each
 * attempt goes through {@link LlmCalls}, which waits out a server's {@code Retry-After}, meters the tokens and maps
 * the errors. Retry settings can be overridden with
 * {@code quarkus.fault-tolerance."org.paperdigest.qa.client.QaClient".retry.*}.
 */
@ApplicationScoped
public class QaClient {

    private final PaperReader reader;
    private final LlmCalls llm;

    QaClient(PaperReader reader, LlmCalls llm) {
        this.reader = reader;
        this.llm = llm;
    }

    /**
     * @param model the model to ask ({@link #modelFor} the paper)
     * @throws LlmOutputException      the reply was not the JSON asked for
     * @throws LlmUnavailableException the server still failed after the retries
     * @throws LlmException            the server refused the request (key, model, request shape)
     */
    @Retry(maxRetries = 3, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            maxDuration = 10, durationUnit = ChronoUnit.MINUTES, retryOn = LlmUnavailableException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    @BeforeRetry(RetryMeter.class)
    public LlmReply<QuestionSet> askQuestions(String model, boolean abstractOnly, String title, String abstractText,
            List<String> headings, List<String> problems) {
        // The paper's text, and findings that quote the model's reply to it, are data: they cannot form our tags.
        String safeTitle = PaperText.neutralised(title);
        String safeAbstract = PaperText.neutralised(abstractText);
        if (abstractOnly) {
            String none = "(none: only the abstract could be read)";
            return llm.call(model,
                    () -> reader.askAbstractQuestions(safeTitle, safeAbstract, none, PaperText.bulleted(problems)));
        }
        String outline = headings.isEmpty() ? "(none detected)" : PaperText.bulleted(headings);
        return llm.call(model,
                () -> reader.askQuestions(safeTitle, safeAbstract, outline, PaperText.bulleted(problems)));
    }

    /**
     * Asks one question over a paper's text, which comes before it.
     *
     * @param chunks the context: numbered {@code <chunk>} elements, their text already safe to stand in the prompt
     */
    @Retry(maxRetries = 3, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            maxDuration = 10, durationUnit = ChronoUnit.MINUTES, retryOn = LlmUnavailableException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    @BeforeRetry(RetryMeter.class)
    public LlmReply<AnswerDraft> answer(String model, QuestionDraft question, String chunks, List<String> problems) {
        String asked = PaperText.neutralised(question.questionJa() + "\n(" + question.questionEn() + ")");
        return llm.call(model, () -> reader.answer(chunks, asked, PaperText.bulleted(problems)));
    }

    public String modelFor(PaperFetched paper) {
        return llm.modelFor(paper);
    }
}

package org.paperdigest.qa.client;

import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.llm.LlmCalls;
import org.paperdigest.llm.LlmException;
import org.paperdigest.llm.LlmOutputException;
import org.paperdigest.llm.LlmReply;
import org.paperdigest.llm.LlmUnavailableException;
import org.paperdigest.llm.PaperText;
import org.paperdigest.llm.RetryMeter;
import org.paperdigest.qa.domain.Chunk;

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
     * The paper's questions. Its answers wait for them, so the call goes ahead of answer calls waiting for a slot.
     *
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
            return llm.callAwaited(model,
                    () -> reader.askAbstractQuestions(safeTitle, safeAbstract, none, bullets(problems)));
        }
        String outline = headings.isEmpty() ? "(none detected)"
                : headings.stream().map(h -> "- " + PaperText.neutralised(h)).collect(Collectors.joining("\n"));
        return llm.callAwaited(model, () -> reader.askQuestions(safeTitle, safeAbstract, outline, bullets(problems)));
    }

    /** Asks one question over {@code chunks}, which the prompt numbers from 1 in the given order, before it. */
    @Retry(maxRetries = 3, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            maxDuration = 10, durationUnit = ChronoUnit.MINUTES, retryOn = LlmUnavailableException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    @BeforeRetry(RetryMeter.class)
    public LlmReply<AnswerDraft> answer(String model, QuestionDraft question, List<Chunk> chunks,
            List<String> problems) {
        String asked = PaperText.neutralised(question.questionJa() + "\n(" + question.questionEn() + ")");
        // Rendered before the call waits for its slot: a slot is held only while the server works.
        String paper = render(chunks);
        return llm.call(model, () -> reader.answer(paper, asked, bullets(problems)));
    }

    public String modelFor(PaperFetched paper) {
        return llm.modelFor(paper);
    }

    static String render(List<Chunk> chunks) {
        return IntStream.range(0, chunks.size()).mapToObj(i -> {
            Chunk c = chunks.get(i);
            String where = (c.page() == null ? "" : " page=\"" + c.page() + "\"")
                    + (c.section() == null ? "" : " section=\"" + c.section().replaceAll("[\"<>]", "'") + "\"");
            return "<chunk n=\"" + (i + 1) + "\"" + where + ">\n" + PaperText.neutralised(c.text()) + "\n</chunk>";
        }).collect(Collectors.joining("\n\n"));
    }

    private static String bullets(List<String> problems) {
        return problems.stream().map(p -> "- " + PaperText.neutralised(p)).collect(Collectors.joining("\n"));
    }
}

package org.paperdigest.qa.client;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.paperdigest.qa.domain.Chunk;

/**
 * The one way to the model for questions and answers. It renders the prompt inputs, owns the retries (LangChain4j's
 * own retry ignores {@code Retry-After}, so it is set to its minimum and retrying happens here), the wait a server
 * asks for, and the mapping of errors. Retry settings can be overridden with
 * {@code quarkus.fault-tolerance."org.paperdigest.qa.client.QaClient".retry.*}.
 */
@ApplicationScoped
public class QaClient {

    private final PaperReader reader;
    private final RetryAfterGate gate;
    private final UsageMeter meter;
    private final String baseUrl;
    private final String model;

    QaClient(PaperReader reader, RetryAfterGate gate, UsageMeter meter,
            @ConfigProperty(name = "quarkus.langchain4j.openai.base-url") String baseUrl,
            @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.model-name") String model) {
        this.reader = reader;
        this.gate = gate;
        this.meter = meter;
        this.baseUrl = baseUrl;
        this.model = model;
    }

    /**
     * @throws LlmOutputException      the reply was not the JSON asked for
     * @throws LlmUnavailableException the server still failed after the retries
     * @throws LlmException            the server refused the request (key, model, request shape)
     */
    @Retry(maxRetries = 3, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            maxDuration = 10, durationUnit = ChronoUnit.MINUTES, retryOn = LlmUnavailableException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    public LlmReply<QuestionSet> askQuestions(String title, String abstractText, List<String> headings,
            List<String> problems) {
        gate.awaitClearance();
        String outline = headings.isEmpty() ? "(none detected)"
                : headings.stream().map(h -> "- " + h).collect(Collectors.joining("\n"));
        return call(() -> reader.askQuestions(title, abstractText, outline, bullets(problems)));
    }

    /** Asks one question over {@code chunks}, which the prompt numbers from 1 in the given order. */
    @Retry(maxRetries = 3, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            maxDuration = 10, durationUnit = ChronoUnit.MINUTES, retryOn = LlmUnavailableException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    public LlmReply<AnswerDraft> answer(QuestionDraft question, List<Chunk> chunks, List<String> problems) {
        gate.awaitClearance();
        String asked = question.questionJa() + "\n(" + question.questionEn() + ")";
        return call(() -> reader.answer(asked, render(chunks), bullets(problems)));
    }

    private <T> LlmReply<T> call(Supplier<T> prompt) {
        try (UsageMeter.Tally tally = meter.start()) {
            try {
                T content = prompt.get();
                return new LlmReply<>(content, tally.usage(), tally.model(model));
            } catch (RuntimeException e) {
                throw LlmErrors.classify(e, baseUrl, model, tally.usage());
            }
        }
    }

    public String model() {
        return model;
    }

    static String render(List<Chunk> chunks) {
        return IntStream.range(0, chunks.size()).mapToObj(i -> {
            Chunk c = chunks.get(i);
            String where = (c.page() == null ? "" : " page=\"" + c.page() + "\"")
                    + (c.section() == null ? "" : " section=\"" + c.section().replaceAll("[\"<>]", "'") + "\"");
            return "<chunk n=\"" + (i + 1) + "\"" + where + ">\n" + c.text() + "\n</chunk>";
        }).collect(Collectors.joining("\n\n"));
    }

    private static String bullets(List<String> problems) {
        return problems.stream().map(p -> "- " + p).collect(Collectors.joining("\n"));
    }
}

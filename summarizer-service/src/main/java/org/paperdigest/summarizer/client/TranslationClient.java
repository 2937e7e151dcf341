package org.paperdigest.summarizer.client;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The one way to the translation model. It owns the retries (LangChain4j's own retry ignores {@code Retry-After},
 * so it is set to its minimum and retrying happens here), the wait a server asks for, and the mapping of errors.
 * Retry counts and delays can be overridden with
 * {@code quarkus.fault-tolerance."org.paperdigest.summarizer.client.TranslationClient".retry.*}.
 */
@ApplicationScoped
public class TranslationClient {

    private final Translator translator;
    private final RetryAfterGate gate;
    private final UsageMeter meter;
    private final String baseUrl;
    private final String model;

    TranslationClient(Translator translator, RetryAfterGate gate, UsageMeter meter,
            @ConfigProperty(name = "quarkus.langchain4j.openai.base-url") String baseUrl,
            @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.model-name") String model) {
        this.translator = translator;
        this.gate = gate;
        this.meter = meter;
        this.baseUrl = baseUrl;
        this.model = model;
    }

    /**
     * @param protectedSpans strings the reply must keep byte for byte
     * @param problems       findings on the previous reply, empty on the first try
     * @throws LlmOutputException      the reply was not the JSON asked for
     * @throws LlmUnavailableException the server still failed after the retries
     * @throws LlmException            the server refused the request (key, model, request shape)
     */
    @Retry(maxRetries = 3, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            maxDuration = 10, durationUnit = ChronoUnit.MINUTES, retryOn = LlmUnavailableException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    public LlmReply<TranslationDraft> translate(String title, List<String> protectedSpans, String abstractText,
            List<String> problems) {
        gate.awaitClearance();
        String spans = protectedSpans.stream().map(s -> "<span>" + s + "</span>").collect(Collectors.joining("\n"));
        String findings = problems.stream().map(p -> "- " + p).collect(Collectors.joining("\n"));
        try (UsageMeter.Tally tally = meter.start()) {
            try {
                TranslationDraft draft = translator.translate(title, spans, abstractText, findings);
                return new LlmReply<>(draft, tally.usage(), tally.model(model));
            } catch (RuntimeException e) {
                throw LlmErrors.classify(e, baseUrl, model, tally.usage());
            }
        }
    }

    public String model() {
        return model;
    }
}

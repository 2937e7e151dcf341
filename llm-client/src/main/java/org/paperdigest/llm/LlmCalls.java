package org.paperdigest.llm;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes one attempt at one prompt: waits out any {@code Retry-After} the server asked for, counts what the replies
 * cost, and turns a failure into an {@link LlmException} that names what to check. Retrying is left to the caller,
 * a service's client, whose {@code @Retry} retries on {@link LlmUnavailableException} (LangChain4j's own retry
 * ignores {@code Retry-After}, so it is set to its minimum).
 */
@ApplicationScoped
public class LlmCalls {

    private final RetryAfterGate gate;
    private final UsageMeter meter;
    private final String baseUrl;
    private final String model;

    LlmCalls(RetryAfterGate gate, UsageMeter meter,
            @ConfigProperty(name = "quarkus.langchain4j.openai.base-url") String baseUrl,
            @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.model-name") String model) {
        this.gate = gate;
        this.meter = meter;
        this.baseUrl = baseUrl;
        this.model = model;
    }

    /**
     * @param prompt the AI service call, made on this thread
     * @throws LlmOutputException      the reply was not the JSON asked for
     * @throws LlmUnavailableException the server did not answer, or answered 429 or 5xx
     * @throws LlmException            the server refused the request (key, model, request shape)
     */
    public <T> LlmReply<T> call(Supplier<T> prompt) {
        gate.awaitClearance();
        try (UsageMeter.Tally tally = meter.start()) {
            try {
                T content = prompt.get();
                return new LlmReply<>(content, tally.usage(), tally.model(model));
            } catch (RuntimeException e) {
                throw LlmErrors.classify(e, baseUrl, model, tally.usage());
            }
        }
    }

    /** The configured model name. */
    public String model() {
        return model;
    }
}

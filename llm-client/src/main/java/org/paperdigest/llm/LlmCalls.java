package org.paperdigest.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paperdigest.events.PaperFetched;

/**
 * Makes one attempt at one prompt: waits for one of the {@code paperdigest.llm.max-concurrent-calls} slots
 * ({@link CallSlots}: a call that others wait for goes first), refuses
 * at once while the circuit breaker is open (the server failed repeatedly just before), waits out any
 * {@code Retry-After} the server asked for, counts what the replies cost and how each attempt ended
 * ({@link LlmMetrics}), and turns a failure into an {@link LlmException} that names what to check. Retrying is left
 * to {@link RetryingLlmCalls}, which retries on {@link LlmUnavailableException} (LangChain4j's own retry ignores
 * {@code Retry-After}, so it is set to its minimum, which still repeats a failed request once).
 */
@ApplicationScoped
public class LlmCalls {

    private final RetryAfterGate gate;
    private final UsageMeter meter;
    private final String baseUrl;
    private final String model;
    private final CallSlots slots;
    private final CircuitBreaker breaker;
    private final LlmMetrics metrics;
    private final ChosenModel chosenModel;

    @Inject
    LlmCalls(RetryAfterGate gate, UsageMeter meter, LlmMetrics metrics, LlmConfig config, ChosenModel chosenModel,
            @ConfigProperty(name = "quarkus.langchain4j.openai.base-url") String baseUrl,
            @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.model-name") String model) {
        this(gate, meter, metrics, chosenModel, baseUrl, model, config.maxConcurrentCalls(),
                new CircuitBreaker(config.circuitFailureThreshold(), config.circuitOpenFor(), Clock.systemUTC()));
    }

    LlmCalls(RetryAfterGate gate, UsageMeter meter, LlmMetrics metrics, ChosenModel chosenModel, String baseUrl,
            String model, int maxConcurrentCalls, CircuitBreaker breaker) {
        this.gate = gate;
        this.meter = meter;
        this.baseUrl = baseUrl;
        this.model = model;
        this.slots = new CallSlots(maxConcurrentCalls);
        this.breaker = breaker;
        this.metrics = metrics;
        this.chosenModel = chosenModel;
        metrics.watchCircuit(breaker);
    }

    LlmCalls(RetryAfterGate gate, UsageMeter meter, LlmMetrics metrics, String baseUrl, String model) {
        this(gate, meter, metrics, new ChosenModel(null), baseUrl, model, 4,
                new CircuitBreaker(5, Duration.ofSeconds(30), Clock.systemUTC()));
    }

    /**
     * @param model  the model to ask, {@link #modelFor} the paper
     * @param turn   whether the call may take the next free slot ahead of calls waiting in turn
     * @param prompt the AI service call, made on this thread
     * @throws LlmOutputException      the reply was not the JSON asked for
     * @throws LlmUnavailableException the server did not answer, or answered 429 or 5xx
     * @throws LlmCircuitOpenException the server failed repeatedly just before, so it was not called
     * @throws LlmException            the server refused the request (key, model, request shape)
     */
    <T> LlmReply<T> call(String model, CallTurn turn, Supplier<T> prompt) {
        try {
            slots.acquire(turn == CallTurn.AHEAD);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmUnavailableException("interrupted while waiting for a free LLM call slot", e,
                    LlmUnavailableException.Reason.INTERRUPTED);
        }
        try {
            refuseWhileOpen(model);
            gate.awaitClearance();
            refuseWhileOpen(model);
            return attempt(model, prompt);
        } finally {
            slots.release();
        }
    }

    private void refuseWhileOpen(String model) {
        String refusal = breaker.refusal();
        if (refusal != null) {
            metrics.attempted(model, "circuit_open");
            throw new LlmCircuitOpenException("the circuit breaker for the LLM server at " + baseUrl
                    + " is open: " + refusal + "; check that it is running and reachable", null);
        }
    }

    private <T> LlmReply<T> attempt(String model, Supplier<T> prompt) {
        try (UsageMeter.Tally tally = meter.start()) {
            try {
                T content = chosenModel.during(model.equals(this.model) ? null : model, prompt);
                breaker.succeeded();
                metrics.attempted(model, "ok");
                return new LlmReply<>(content, tally.usage(), tally.model(model));
            } catch (RuntimeException e) {
                LlmException mapped = LlmErrors.classify(e, baseUrl, model, tally.usage());
                if (mapped instanceof LlmUnavailableException unavailable) {
                    breaker.failed(mapped.getMessage());
                    metrics.attempted(model, unavailable.reason().tag());
                } else {
                    breaker.succeeded();
                    metrics.attempted(model, mapped instanceof LlmOutputException ? "invalid_output" : "rejected");
                }
                throw mapped;
            }
        }
    }

    /** The model a paper is made with: the one its regeneration asked for, else the configured one. */
    public String modelFor(PaperFetched paper) {
        return paper.model() == null ? model : paper.model();
    }
}

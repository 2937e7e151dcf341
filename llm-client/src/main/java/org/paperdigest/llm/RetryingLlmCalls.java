package org.paperdigest.llm;

import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The one way a service's client calls the model: each attempt goes through {@link LlmCalls}, and an attempt the
 * server could not answer ({@link LlmUnavailableException}) is tried again, 2 s later, doubling up to 1 min. A reply
 * that is not the JSON asked for, a refused request or an open circuit is not retried: a re-ask or a fast failure
 * serves those better. A service changes the policy in its own configuration, e.g.
 * {@code quarkus.fault-tolerance."org.paperdigest.llm.RetryingLlmCalls/call".retry.max-retries}.
 */
@ApplicationScoped
public class RetryingLlmCalls {

    private final LlmCalls calls;

    RetryingLlmCalls(LlmCalls calls) {
        this.calls = calls;
    }

    /**
     * @param model  the model to ask, {@link LlmCalls#modelFor} the paper
     * @param turn   when the call gets a free call slot among the calls waiting for one
     * @param prompt the AI service call, made on this thread
     * @throws LlmOutputException      the reply was not the JSON asked for
     * @throws LlmUnavailableException the server still failed after the retries
     * @throws LlmCircuitOpenException the server failed repeatedly just before, so it was not called
     * @throws LlmException            the server refused the request (key, model, request shape)
     */
    @Retry(maxRetries = 3, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            maxDuration = 10, durationUnit = ChronoUnit.MINUTES, retryOn = LlmUnavailableException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    @BeforeRetry(RetryMeter.class)
    public <T> LlmReply<T> call(String model, CallTurn turn, Supplier<T> prompt) {
        return calls.call(model, turn, prompt);
    }
}

package org.paperdigest.llm;

import io.smallrye.faulttolerance.api.BeforeRetryHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;

/**
 * Counts each retry of an LLM call with the reason its previous attempt failed: the {@code @BeforeRetry} of
 * {@link RetryingLlmCalls}, which retries only on {@link LlmUnavailableException}.
 */
@ApplicationScoped
public class RetryMeter implements BeforeRetryHandler {

    private final LlmMetrics metrics;

    RetryMeter(LlmMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(ExecutionContext context) {
        if (context.getFailure() instanceof LlmUnavailableException unavailable) {
            metrics.retrying(unavailable.reason());
        }
    }
}

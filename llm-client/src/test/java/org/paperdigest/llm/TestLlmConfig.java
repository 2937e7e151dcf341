package org.paperdigest.llm;

import java.time.Duration;
import java.util.OptionalLong;

/** Settings for tests that build the beans by hand; no issue budget. */
record TestLlmConfig(Duration longestRetryAfter, int maxConcurrentCalls, int circuitFailureThreshold,
        Duration circuitOpenFor) implements LlmConfig {

    @Override
    public OptionalLong issueTokenBudget() {
        return OptionalLong.empty();
    }
}

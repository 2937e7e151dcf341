package org.paperdigest.llm;

import java.time.Duration;

/** Settings for tests that build the beans by hand. */
record TestLlmConfig(Duration longestRetryAfter, int maxConcurrentCalls, int circuitFailureThreshold,
        Duration circuitOpenFor) implements LlmConfig {
}

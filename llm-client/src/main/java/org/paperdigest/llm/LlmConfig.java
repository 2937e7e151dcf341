package org.paperdigest.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Our settings around LLM calls, shared by every service that uses this module. The server itself (base URL, key,
 * model, temperature, timeout, response format) is configured with Quarkus LangChain4j's own
 * {@code quarkus.langchain4j.openai.*} keys; retries with {@code quarkus.fault-tolerance.*} (see each service's
 * application.properties).
 */
@ConfigMapping(prefix = "paperdigest.llm")
public interface LlmConfig {

    /** The longest {@code Retry-After} honoured; a server asking for more is retried after this long. */
    @WithDefault("PT60S")
    Duration longestRetryAfter();

    /** How many LLM calls one service instance makes at once; further calls wait for a free slot. */
    @WithDefault("4")
    int maxConcurrentCalls();

    /** Consecutive unavailable replies (5xx, 429, timeouts, refused connections) that open the circuit breaker. */
    @WithDefault("5")
    int circuitFailureThreshold();

    /** How long an open circuit refuses calls before one is let through to probe the server again. */
    @WithDefault("PT30S")
    Duration circuitOpenFor();
}

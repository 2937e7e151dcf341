package org.paperdigest.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Our settings around LLM calls, shared by every service that uses this module. The server itself (base URL, key,
 * model, temperature, timeout, response format) is configured with Quarkus LangChain4j's own
 * {@code quarkus.langchain4j.openai.*} keys; retries with {@code quarkus.fault-tolerance.*} ({@link RetryingLlmCalls}).
 * The defaults every such service starts from are in this module's {@code META-INF/microprofile-config.properties}.
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

    /**
     * Tokens (input plus output) this service may spend on one issue; unset means no limit. Once an issue's spend
     * reaches it, no further paper of that issue is started and each fails with a reason naming this setting.
     * Papers already in progress finish, so the spend can pass the budget by what those papers cost.
     */
    OptionalLong issueTokenBudget();
}

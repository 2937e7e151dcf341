package org.paperdigest.llm;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds LLM calls back while a server's {@code Retry-After} is running. A rate limit belongs to the account, not to
 * one request, so every call waits, not only the retry of the call that was refused.
 */
@ApplicationScoped
public class RetryAfterGate {

    private final AtomicReference<Instant> notBefore = new AtomicReference<>(Instant.EPOCH);
    private final Duration longestWait;

    RetryAfterGate(LlmConfig config) {
        this.longestWait = config.longestRetryAfter();
    }

    /** Records that the server asked for {@code wait}; a wait longer than the configured cap is cut to the cap. */
    public void holdFor(Duration wait) {
        Duration bounded = wait.compareTo(longestWait) > 0 ? longestWait : wait;
        Instant until = Instant.now().plus(bounded);
        notBefore.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Blocks until no server-imposed wait is running. */
    public void awaitClearance() {
        long millis = Duration.between(Instant.now(), notBefore.get()).toMillis();
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmUnavailableException("interrupted while waiting out the LLM server's Retry-After", e,
                    LlmUnavailableException.Reason.INTERRUPTED);
        }
    }
}

package org.paperdigest.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a server that keeps failing. After {@code threshold} consecutive unavailable replies the circuit
 * opens and calls are refused for {@code openFor}; then calls are let through again, and the first one that fails
 * opens it again at once, while a success closes it. Only unavailability counts: a reply that was not the JSON asked
 * for, or a refused request, shows the server is up. Kept here rather than as {@code @CircuitBreaker} on each
 * service's client so that both services share one implementation and one error message.
 */
final class CircuitBreaker {

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openUntil = Instant.EPOCH;
    private String lastFailure = "";

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("paperdigest.llm.circuit-failure-threshold must be at least 1");
        }
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** @return null when a call may go ahead, otherwise why not */
    synchronized String refusal() {
        if (isOpen()) {
            return "it failed " + consecutiveFailures + " times in a row (last: " + lastFailure
                    + "), so calls are refused until " + openUntil;
        }
        return null;
    }

    synchronized boolean isOpen() {
        return clock.instant().isBefore(openUntil);
    }

    synchronized void succeeded() {
        consecutiveFailures = 0;
    }

    synchronized void failed(String reason) {
        consecutiveFailures++;
        lastFailure = reason;
        if (consecutiveFailures >= threshold) {
            openUntil = clock.instant().plus(openFor);
        }
    }
}

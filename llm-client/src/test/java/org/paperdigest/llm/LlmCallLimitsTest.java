package org.paperdigest.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.service.output.OutputParsingException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The concurrency limit and the circuit breaker of {@link LlmCalls}. */
class LlmCallLimitsTest {

    static final String URL = "http://llm.example/v1";

    final MovableClock clock = new MovableClock();
    final AtomicInteger reachedServer = new AtomicInteger();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void noMoreThanTheConfiguredNumberOfCallsRunAtOnce() throws Exception {
        LlmCalls calls = calls(2, 5);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<LlmReply<String>>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(pool.submit(() -> calls.call("model", CallTurn.IN_TURN, () -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(150);
                    running.decrementAndGet();
                    return "ok";
                })));
            }
            for (Future<LlmReply<String>> reply : replies) {
                assertEquals("ok", reply.get(10, TimeUnit.SECONDS).content());
            }
        } finally {
            pool.shutdownNow();
        }
        // 6 callers on 6 threads: without the limit all 6 would overlap; with it exactly 2 do.
        assertEquals(2, mostAtOnce.get());
    }

    @Test
    void afterARunOfServerErrorsCallsFailFastWithoutReachingTheServer() {
        LlmCalls calls = calls(4, 3);
        for (int i = 0; i < 3; i++) {
            assertThrows(LlmUnavailableException.class, () -> calls.call("model", CallTurn.IN_TURN, serverError()));
        }

        LlmException refused = assertThrows(LlmException.class, () -> calls.call("model", CallTurn.IN_TURN, serverError()));

        assertInstanceOf(LlmCircuitOpenException.class, refused);
        assertEquals(3, reachedServer.get(), "the fourth call must not reach the server");
        assertEquals(3, registry.get("paperdigest.llm.calls").tag("outcome", "server_error").counter().count());
        assertEquals(1, registry.get("paperdigest.llm.calls").tag("outcome", "circuit_open").counter().count());
        assertEquals(1, registry.get("paperdigest.llm.circuit.open").gauge().value());
        assertTrue(refused.getMessage().contains("circuit breaker") && refused.getMessage().contains(URL)
                && refused.getMessage().contains("HTTP 500"), refused.getMessage());
    }

    @Test
    void afterTheDelayOneCallProbesTheServerAndASuccessClosesTheCircuit() {
        LlmCalls calls = calls(4, 2);
        assertThrows(LlmUnavailableException.class, () -> calls.call("model", CallTurn.IN_TURN, serverError()));
        assertThrows(LlmUnavailableException.class, () -> calls.call("model", CallTurn.IN_TURN, serverError()));
        assertThrows(LlmCircuitOpenException.class, () -> calls.call("model", CallTurn.IN_TURN, serverError()));

        assertEquals(1, registry.get("paperdigest.llm.circuit.open").gauge().value());

        clock.advance(Duration.ofSeconds(31));
        assertEquals("ok", calls.call("model", CallTurn.IN_TURN, answer()).content());
        assertEquals(0, registry.get("paperdigest.llm.circuit.open").gauge().value());
        assertThrows(LlmUnavailableException.class, () -> calls.call("model", CallTurn.IN_TURN, serverError()));

        // One failure after a success is not a run: the circuit stays closed.
        assertEquals("ok", calls.call("model", CallTurn.IN_TURN, answer()).content());
        assertEquals(5, reachedServer.get());
    }

    @Test
    void aFailedProbeOpensTheCircuitAgainAtOnce() {
        LlmCalls calls = calls(4, 2);
        assertThrows(LlmUnavailableException.class, () -> calls.call("model", CallTurn.IN_TURN, serverError()));
        assertThrows(LlmUnavailableException.class, () -> calls.call("model", CallTurn.IN_TURN, serverError()));

        clock.advance(Duration.ofSeconds(31));
        assertThrows(LlmUnavailableException.class, () -> calls.call("model", CallTurn.IN_TURN, serverError()));

        assertThrows(LlmCircuitOpenException.class, () -> calls.call("model", CallTurn.IN_TURN, answer()));
        assertEquals(3, reachedServer.get());
    }

    @Test
    void repliesThatAreNotTheJsonAskedForDoNotOpenTheCircuit() {
        LlmCalls calls = calls(4, 2);
        for (int i = 0; i < 5; i++) {
            assertThrows(LlmOutputException.class, () -> calls.call("model", CallTurn.IN_TURN, () -> {
                reachedServer.incrementAndGet();
                throw new OutputParsingException("not json", null);
            }));
        }
        // A server that answers, even badly, is up: it also breaks a run of errors.
        assertThrows(LlmUnavailableException.class, () -> calls.call("model", CallTurn.IN_TURN, serverError()));
        assertThrows(LlmOutputException.class, () -> calls.call("model", CallTurn.IN_TURN, () -> {
            throw new OutputParsingException("not json", null);
        }));
        assertThrows(LlmUnavailableException.class, () -> calls.call("model", CallTurn.IN_TURN, serverError()));

        assertEquals("ok", calls.call("model", CallTurn.IN_TURN, answer()).content());
    }

    private LlmCalls calls(int maxConcurrent, int failureThreshold) {
        Duration openFor = Duration.ofSeconds(30);
        LlmConfig config = new TestLlmConfig(Duration.ofSeconds(2), maxConcurrent, failureThreshold, openFor);
        return new LlmCalls(new RetryAfterGate(config), new UsageMeter(), new LlmMetrics(registry),
                new ChosenModel(null), URL, "model", maxConcurrent,
                new CircuitBreaker(failureThreshold, openFor, clock));
    }

    private Supplier<String> serverError() {
        return () -> {
            reachedServer.incrementAndGet();
            throw new InternalServerException("boom", new HttpException(500, "internal error"));
        };
    }

    private Supplier<String> answer() {
        return () -> {
            reachedServer.incrementAndGet();
            return "ok";
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves by hand, so the breaker's delay needs no waiting. */
    static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

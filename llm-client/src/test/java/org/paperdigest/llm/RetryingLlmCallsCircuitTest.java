package org.paperdigest.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperdigest.testing.FakeLlmResource;
import org.paperdigest.testing.FakeOpenAiServer;
import org.paperdigest.testing.InjectFakeLlm;

/**
 * LLM calls against the fake server over HTTP, in an application of its own (its circuit is left open): a server
 * that answers 500 is retried, and once the failures reach the threshold further calls fail at once, without
 * reaching the server, with a reason that names it.
 */
@QuarkusTest
@TestProfile(RetryingLlmCallsCircuitTest.LowThreshold.class)
@WithTestResource(FakeLlmResource.class)
class RetryingLlmCallsCircuitTest {

    @Inject
    RetryingLlmCalls calls;

    @Inject
    Acknowledger acknowledger;

    @InjectFakeLlm
    FakeOpenAiServer llm;

    @Test
    void afterARunOfServerErrorsTheNextCallFailsFastWithoutReachingTheServer() {
        llm.reset();
        llm.failNext(100);

        // 1 attempt + 2 retries (test profile), all answered 500: the third failure opens the circuit.
        LlmUnavailableException unavailable = assertThrows(LlmUnavailableException.class, this::ask);
        assertTrue(unavailable.getMessage().contains("HTTP 500"), unavailable.getMessage());
        // Each attempt is one request, or two where LangChain4j repeats it once.
        int reached = llm.chatCalls();
        assertTrue(reached >= 3 && reached <= 6, "calls: " + reached);

        long started = System.nanoTime();
        LlmCircuitOpenException open = assertThrows(LlmCircuitOpenException.class, this::ask);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(reached, llm.chatCalls(), "no call reached the server while the circuit was open");
        assertTrue(tookMillis < 1000, "failing fast took " + tookMillis + " ms");
        assertTrue(open.getMessage().contains("circuit breaker") && open.getMessage().contains(llm.baseUrl()),
                open.getMessage());
    }

    private void ask() {
        calls.call(FakeOpenAiServer.MODEL, CallTurn.IN_TURN, () -> acknowledger.acknowledge("We present GPQA, a challenging dataset."));
    }

    public static class LowThreshold implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperdigest.llm.circuit-failure-threshold", "3",
                    "paperdigest.llm.circuit-open-for", "PT10M");
        }
    }
}

package org.paperdigest.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.output.OutputParsingException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

class LlmCallsTest {

    static final String URL = "http://llm.example/v1";

    final UsageMeter meter = new UsageMeter();
    final RetryAfterGate gate = new RetryAfterGate(new TestLlmConfig(Duration.ofSeconds(2), 4, 5, Duration.ofSeconds(30)));
    final LlmCalls calls = new LlmCalls(gate, meter, new LlmMetrics(new SimpleMeterRegistry()), URL, "configured-model");

    @Test
    void aReplyCarriesWhatItsResponsesCostAndTheModelTheServerNamed() {
        LlmReply<String> reply = calls.call("configured-model", CallTurn.IN_TURN, () -> {
            respond("served-model", 120, 30);
            respond("served-model", 80, 10);
            return "content";
        });

        assertEquals("content", reply.content());
        assertEquals(new org.paperdigest.events.TokenUsage(200, 40), reply.usage());
        assertEquals("served-model", reply.model());
    }

    @Test
    void withoutAModelNameFromTheServerTheConfiguredOneIsReported() {
        assertEquals("configured-model", calls.call("configured-model", CallTurn.IN_TURN, () -> "content").model());
    }

    @Test
    void anUnparseableReplyFailsWithWhatItCost() {
        LlmOutputException e = assertThrows(LlmOutputException.class, () -> calls.call("configured-model", CallTurn.IN_TURN, () -> {
            respond(null, 900, 12);
            throw new OutputParsingException("not json", null);
        }));

        assertEquals(new org.paperdigest.events.TokenUsage(900, 12), e.usage());
    }

    @Test
    void aServerErrorIsMappedAndNamesTheServer() {
        LlmException e = assertThrows(LlmException.class, () -> calls.call("configured-model", CallTurn.IN_TURN, () -> {
            throw new InternalServerException("boom", new HttpException(502, "bad gateway"));
        }));

        assertInstanceOf(LlmUnavailableException.class, e);
        assertTrue(e.getMessage().contains(URL) && e.getMessage().contains("HTTP 502"), e.getMessage());
    }

    @Test
    void responsesOutsideACallAreNotCounted() {
        respond("stray", 1000, 1000);

        assertEquals(org.paperdigest.events.TokenUsage.NONE, calls.call("configured-model", CallTurn.IN_TURN, () -> "content").usage());
    }

    @Test
    void aCallWaitsOutTheRetryAfterUpToTheConfiguredCap() {
        gate.holdFor(Duration.ofMinutes(5));
        long started = System.nanoTime();

        calls.call("configured-model", CallTurn.IN_TURN, () -> "content");

        long waitedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(waitedMillis >= 1900 && waitedMillis < 4000, "waited " + waitedMillis + " ms for a 2 s cap");
    }

    private void respond(String model, int input, int output) {
        ChatResponse response = ChatResponse.builder()
                .aiMessage(AiMessage.from("{}"))
                .modelName(model)
                .tokenUsage(new TokenUsage(input, output))
                .build();
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("question")).build();
        meter.onResponse(new ChatModelResponseContext(response, request, ModelProvider.OPEN_AI, new HashMap<>()));
    }
}

package org.paperdigest.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChosenModelTest {

    /** What reached the server: the parameters of each request, after the model's defaults were applied. */
    final List<ChatRequestParameters> sent = new ArrayList<>();

    final ChatModel configured = new ChatModel() {
        @Override
        public ChatRequestParameters defaultRequestParameters() {
            return ChatRequestParameters.builder().modelName("configured-model").temperature(0.1).build();
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            sent.add(request.parameters());
            return ChatResponse.builder().aiMessage(AiMessage.from("{}")).modelName(request.modelName()).build();
        }
    };

    final ChosenModel chosen = new ChosenModel(configured);
    final LlmCalls calls = new LlmCalls(new RetryAfterGate(new TestLlmConfig(Duration.ofSeconds(2), 4, 5,
            Duration.ofSeconds(30))), new UsageMeter(), new LlmMetrics(new SimpleMeterRegistry()), chosen,
            "http://llm.example/v1", "configured-model", 4, new CircuitBreaker(5, Duration.ofSeconds(30),
                    Clock.systemUTC()));

    @Test
    void aCallForAnotherModelNamesItAndKeepsEveryOtherParameter() {
        ChatModel model = chosen.get();

        String served = calls.call("other-model", CallTurn.IN_TURN, () -> model.chat(jsonRequest()).modelName()).content();

        assertEquals("other-model", served);
        assertEquals("other-model", sent.get(0).modelName());
        assertEquals(0.1, sent.get(0).temperature());
        assertEquals(ResponseFormat.JSON, sent.get(0).responseFormat());
    }

    @Test
    void aCallForTheConfiguredModelAndEveryCallAfterAChoiceUseTheConfiguredModel() {
        ChatModel model = chosen.get();

        calls.call("configured-model", CallTurn.IN_TURN, () -> model.chat(jsonRequest()));
        calls.call("other-model", CallTurn.IN_TURN, () -> model.chat(jsonRequest()));
        model.chat(jsonRequest());

        assertEquals(List.of("configured-model", "other-model", "configured-model"),
                sent.stream().map(ChatRequestParameters::modelName).toList());
    }

    @Test
    void aChoiceEndsWithItsCallEvenWhenTheCallFails() {
        ChatModel model = chosen.get();

        assertThrows(IllegalStateException.class, () -> chosen.during("other-model", () -> {
            throw new IllegalStateException("the call failed");
        }));
        model.chat(jsonRequest());

        assertEquals("configured-model", sent.get(0).modelName());
    }

    @Test
    void theAiServicesGetTheJsonObjectOutOfAFencedReply() {
        ChatModel fencing = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return ChatResponse.builder().aiMessage(AiMessage.from("Here it is:\n```json\n{\"a\":1}\n```"))
                        .modelName("configured-model").build();
            }
        };

        ChatResponse reply = new ChosenModel(fencing).get().chat(jsonRequest());

        assertEquals("{\"a\":1}", reply.aiMessage().text());
        assertEquals("configured-model", reply.modelName());
    }

    @Test
    void aCutOffReplyFailsAsUnusableOutputAndIsPaidFor() {
        ChatModel cutting = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return ChatResponse.builder().aiMessage(AiMessage.from("```json\n{\"a\":{\"b\":1},\"c\":[{\"d\":2}"))
                        .tokenUsage(new dev.langchain4j.model.output.TokenUsage(10, 5)).build();
            }
        };
        ChatModel model = new ChosenModel(cutting).get();

        assertThrows(LlmOutputException.class, () -> calls.call("configured-model", CallTurn.IN_TURN, () -> model.chat(jsonRequest())));
    }

    private static ChatRequest jsonRequest() {
        return ChatRequest.builder().messages(UserMessage.from("question"))
                .parameters(ChatRequestParameters.builder().responseFormat(ResponseFormat.JSON).build()).build();
    }
}

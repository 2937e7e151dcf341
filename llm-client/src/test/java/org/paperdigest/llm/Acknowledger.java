package org.paperdigest.llm;

import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A prompt of the tests' own, which the fake LLM answers with {@code {"text":"OK"}}: a real AI service, each call as
 * costly as the text sent is long.
 */
@RegisterAiService(chatLanguageModelSupplier = ChosenModel.class,
        chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface Acknowledger {

    @UserMessage("Read this text and reply OK: {text}")
    Ack acknowledge(String text);

    /** The model's reply. */
    record Ack(String text) {
    }
}

package org.paperdigest.summarizer.client;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import jakarta.enterprise.context.ApplicationScoped;
import org.paperdigest.llm.ChosenModel;

/**
 * The translation prompt, versioned as {@link #PROMPT_VERSION}; its text lives under
 * {@code src/main/resources/prompts/summary-v2/}. Every call is independent: no chat memory, so one paper's
 * abstract never leaks into another's prompt.
 */
@RegisterAiService(chatLanguageModelSupplier = ChosenModel.class,
        chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface Translator {

    String PROMPT_VERSION = "summary-v2";

    /**
     * @param protectedSpans one {@code <span>…</span>} line per span that must come back byte for byte
     * @param problems       what was wrong with the previous reply, or empty on the first try
     */
    @SystemMessage(fromResource = "prompts/summary-v2/system.txt")
    @UserMessage(fromResource = "prompts/summary-v2/user.txt")
    TranslationDraft translate(String title, String protectedSpans, String abstractText, String problems);
}

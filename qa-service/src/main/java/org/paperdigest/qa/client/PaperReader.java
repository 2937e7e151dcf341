package org.paperdigest.qa.client;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import jakarta.enterprise.context.ApplicationScoped;
import org.paperdigest.llm.ChosenModel;

/**
 * The question and answer prompts, versioned together as {@link #PROMPT_VERSION}; their text lives under
 * {@code src/main/resources/prompts/qa-v1/}. Every call is independent: no chat memory.
 */
@RegisterAiService(chatLanguageModelSupplier = ChosenModel.class,
        chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface PaperReader {

    String PROMPT_VERSION = "qa-v1";

    /**
     * @param headings one {@code - heading} line per detected section heading
     * @param problems what was wrong with the previous reply, or empty on the first try
     */
    @SystemMessage(fromResource = "prompts/qa-v1/questions-system.txt")
    @UserMessage(fromResource = "prompts/qa-v1/questions-user.txt")
    QuestionSet askQuestions(String title, String abstractText, String headings, String problems);

    /**
     * @param chunks one {@code <chunk n="…">} element per retrieved chunk, numbered from 1
     */
    @SystemMessage(fromResource = "prompts/qa-v1/answer-system.txt")
    @UserMessage(fromResource = "prompts/qa-v1/answer-user.txt")
    AnswerDraft answer(String question, String chunks, String problems);
}

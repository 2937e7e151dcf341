package org.paperdigest.qa.client;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import jakarta.enterprise.context.ApplicationScoped;
import org.paperdigest.llm.ChosenModel;

/**
 * The question and answer prompts, versioned together as {@link #PROMPT_VERSION}; their text lives under
 * {@code src/main/resources/prompts/qa-v2/}. Every call is independent: no chat memory.
 */
@RegisterAiService(chatLanguageModelSupplier = ChosenModel.class,
        chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface PaperReader {

    String PROMPT_VERSION = "qa-v2";

    /**
     * Questions over the paper's full text.
     *
     * @param headings one {@code - heading} line per detected section heading
     * @param problems what was wrong with the previous reply, or empty on the first try
     */
    @SystemMessage(fromResource = "prompts/qa-v2/questions-system.txt")
    @UserMessage(fromResource = "prompts/qa-v2/questions-user.txt")
    QuestionSet askQuestions(String title, String abstractText, String headings, String problems);

    /** Questions that the abstract answers, for a paper whose full text could not be read. */
    @SystemMessage(fromResource = "prompts/qa-v2/questions-abstract-system.txt")
    @UserMessage(fromResource = "prompts/qa-v2/questions-user.txt")
    QuestionSet askAbstractQuestions(String title, String abstractText, String headings, String problems);

    /**
     * The paper's text comes first and the question last, so that a server's prefix cache serves the text of a
     * paper's every question after the first.
     *
     * @param chunks one {@code <chunk n="…">} element per chunk of the context, numbered from 1
     */
    @SystemMessage(fromResource = "prompts/qa-v2/answer-system.txt")
    @UserMessage(fromResource = "prompts/qa-v2/answer-user.txt")
    AnswerDraft answer(String chunks, String question, String problems);
}

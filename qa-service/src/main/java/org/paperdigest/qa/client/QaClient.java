package org.paperdigest.qa.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.paperdigest.llm.CallTurn;
import org.paperdigest.llm.LlmException;
import org.paperdigest.llm.LlmOutputException;
import org.paperdigest.llm.LlmReply;
import org.paperdigest.llm.LlmUnavailableException;
import org.paperdigest.llm.PaperText;
import org.paperdigest.llm.RetryingLlmCalls;

/**
 * The one way to the model for questions and answers: it renders the prompt inputs, and {@link RetryingLlmCalls}
 * makes each call with the LLM stages' retries, call limits and error mapping.
 */
@ApplicationScoped
public class QaClient {

    private final PaperReader reader;
    private final RetryingLlmCalls llm;

    QaClient(PaperReader reader, RetryingLlmCalls llm) {
        this.reader = reader;
        this.llm = llm;
    }

    /**
     * The paper's questions. Its answers wait for them, so the call goes ahead of answer calls waiting for a slot.
     *
     * @param model the model to ask
     * @throws LlmOutputException      the reply was not the JSON asked for
     * @throws LlmUnavailableException the server still failed after the retries
     * @throws LlmException            the server refused the request (key, model, request shape)
     */
    public LlmReply<QuestionSet> askQuestions(String model, boolean abstractOnly, String title, String abstractText,
            List<String> headings, List<String> problems) {
        // The paper's text, and findings that quote the model's reply to it, are data: they cannot form our tags.
        String safeTitle = PaperText.neutralised(title);
        String safeAbstract = PaperText.neutralised(abstractText);
        if (abstractOnly) {
            String none = "(none: only the abstract could be read)";
            return llm.call(model, CallTurn.AHEAD,
                    () -> reader.askAbstractQuestions(safeTitle, safeAbstract, none, PaperText.bulleted(problems)));
        }
        String outline = headings.isEmpty() ? "(none detected)" : PaperText.bulleted(headings);
        return llm.call(model, CallTurn.AHEAD,
                () -> reader.askQuestions(safeTitle, safeAbstract, outline, PaperText.bulleted(problems)));
    }

    /**
     * Asks one question over a paper's text, which comes before it.
     *
     * @param chunks the context: numbered {@code <chunk>} elements, their text already safe to stand in the prompt
     */
    public LlmReply<AnswerDraft> answer(String model, QuestionDraft question, String chunks, List<String> problems) {
        String asked = PaperText.neutralised(question.questionJa() + "\n(" + question.questionEn() + ")");
        return llm.call(model, CallTurn.IN_TURN, () -> reader.answer(chunks, asked, PaperText.bulleted(problems)));
    }
}

package org.paperdigest.summarizer.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.paperdigest.llm.CallTurn;
import org.paperdigest.llm.LlmException;
import org.paperdigest.llm.LlmOutputException;
import org.paperdigest.llm.LlmReply;
import org.paperdigest.llm.LlmUnavailableException;
import org.paperdigest.llm.PaperText;
import org.paperdigest.llm.RetryingLlmCalls;

/**
 * The one way to the translation model: it renders the prompt inputs, and {@link RetryingLlmCalls} makes the call
 * with the LLM stages' retries, call limits and error mapping.
 */
@ApplicationScoped
public class TranslationClient {

    private final Translator translator;
    private final RetryingLlmCalls llm;

    TranslationClient(Translator translator, RetryingLlmCalls llm) {
        this.translator = translator;
        this.llm = llm;
    }

    /**
     * @param model          the model to ask
     * @param protectedSpans strings the reply must keep byte for byte
     * @param problems       findings on the previous reply, empty on the first try
     * @throws LlmOutputException      the reply was not the JSON asked for
     * @throws LlmUnavailableException the server still failed after the retries
     * @throws LlmException            the server refused the request (key, model, request shape)
     */
    public LlmReply<TranslationDraft> translate(String model, String title, List<String> protectedSpans,
            String abstractText, List<String> problems) {
        // The paper's text, and findings that quote the model's reply to it, are data: they cannot form our tags.
        String spans = protectedSpans.stream().map(s -> "<span>" + PaperText.neutralised(s) + "</span>")
                .collect(Collectors.joining("\n"));
        String findings = PaperText.bulleted(problems);
        return llm.call(model, CallTurn.IN_TURN, () -> translator.translate(PaperText.neutralised(title), spans,
                PaperText.neutralised(abstractText), findings));
    }
}

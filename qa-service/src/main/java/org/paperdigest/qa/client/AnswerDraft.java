package org.paperdigest.qa.client;

import dev.langchain4j.model.output.structured.Description;
import java.util.List;

/** The model's structured reply to one question, before any of it is checked. */
public record AnswerDraft(
        @Description("false when the text states nothing of what is asked") boolean answerable,
        @Description("the answer in Japanese, 1 to 4 sentences, stating what the text says") String answer,
        @Description("short Japanese phrases, one for each part of the question the text does not state; empty when"
                + " it states everything asked") List<String> notStated,
        @Description("1 to 5 quotes supporting the answer; empty when not answerable") List<QuoteDraft> evidence) {

    public AnswerDraft {
        notStated = notStated == null ? List.of() : notStated;
        evidence = evidence == null ? List.of() : evidence;
    }
}

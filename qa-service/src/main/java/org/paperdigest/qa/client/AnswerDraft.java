package org.paperdigest.qa.client;

import dev.langchain4j.model.output.structured.Description;
import java.util.List;

/** The model's structured reply to one question, before any of it is checked. */
public record AnswerDraft(
        @Description("false when the chunks do not state the answer") boolean answerable,
        @Description("the answer in Japanese, 1 to 4 sentences") String answer,
        @Description("1 to 3 quotes supporting the answer; empty when not answerable") List<QuoteDraft> evidence) {
}

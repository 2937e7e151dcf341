package org.paperdigest.qa.client;

import dev.langchain4j.model.output.structured.Description;

/** One question as the model proposed it, in Japanese for readers and in English for searching the paper. */
public record QuestionDraft(
        @Description("what the question is about") Aspect aspect,
        @Description("the question in Japanese") String questionJa,
        @Description("the same question in English") String questionEn) {
}

package org.paperdigest.summarizer.client;

import dev.langchain4j.model.output.structured.Description;

/** The model's structured reply: the translated abstract and the one-line summary, both unchecked. */
public record TranslationDraft(
        @Description("faithful Japanese translation of the whole abstract") String abstractJa,
        @Description("one Japanese sentence of at most 100 characters") String summaryJa) {
}

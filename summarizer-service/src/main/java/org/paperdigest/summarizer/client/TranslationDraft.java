package org.paperdigest.summarizer.client;

import dev.langchain4j.model.output.structured.Description;
import java.util.List;

/** The model's structured reply: the translated abstract, the one-line summary and the key results, all unchecked. */
public record TranslationDraft(
        @Description("faithful Japanese translation of the whole abstract") String abstractJa,
        @Description("one Japanese sentence of at most 100 characters") String summaryJa,
        @Description("two or three short Japanese lines with the paper's headline results; empty if it states none")
        List<String> keyResultsJa) {
}

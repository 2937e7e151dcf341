package org.paperdigest.qa.client;

import dev.langchain4j.model.output.structured.Description;

/** A quote the model says supports its answer, and the number of the chunk it says the quote is from. */
public record QuoteDraft(
        @Description("the number of the chunk the quote is copied from") int chunk,
        @Description("words copied exactly from that chunk, in English") String quote) {
}

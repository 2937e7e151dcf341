package org.paperdigest.summarizer;

import com.fasterxml.jackson.databind.JsonNode;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.testing.RecordedPapers;

/** Builds {@link PaperFetched} events from the recorded arXiv metadata under {@code /fixtures}. */
public final class FixturePapers {

    private FixturePapers() {
    }

    public static JsonNode json(String arxivId) {
        return RecordedPapers.read("/fixtures/" + arxivId + ".json");
    }

    /** The paper as the fetcher emits it when only the metadata could be read. */
    public static PaperFetched abstractOnly(String arxivId, String issueId) {
        return RecordedPapers.abstractOnly(json(arxivId), issueId);
    }

    public static PaperFetched withAbstract(JsonNode paper, String issueId, String abstractText) {
        return RecordedPapers.withAbstract(paper, issueId, abstractText);
    }
}

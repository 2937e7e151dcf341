package org.paperdigest.summarizer.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.paperdigest.events.EventType;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.events.Stage;
import org.paperdigest.testing.RecordedPapers;
import org.paperdigest.testing.SmallModelFlowTest;
import org.paperdigest.testing.SmallModelLlmResource;

/** The flow tests with the service set to {@code json_object} and the fake answering like a small local model. */
@QuarkusTest
@WithTestResource(SmallModelLlmResource.class)
class SummarizerSmallModelFlowTest extends SmallModelFlowTest<PaperSummarized> {

    SummarizerSmallModelFlowTest() {
        super("it-summarizer.", EventType.PAPER_SUMMARIZED, Stage.SUMMARIZE, "/paper-digest/summarizer-service",
                Duration.ofSeconds(60));
    }

    @Override
    protected PaperFetched processablePaper(String issueId) {
        return RecordedPapers.abstractOnly("2311.12022", issueId);
    }
}

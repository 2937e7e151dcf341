package org.paperdigest.qa.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.paperdigest.events.EventType;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.Stage;
import org.paperdigest.qa.FixturePapers;
import org.paperdigest.testing.SmallModelFlowTest;
import org.paperdigest.testing.SmallModelLlmResource;

/** The flow tests with the service set to {@code json_object} and the fake answering like a small local model. */
@QuarkusTest
@WithTestResource(SmallModelLlmResource.class)
class QaSmallModelFlowTest extends SmallModelFlowTest<PaperAnswered> {

    QaSmallModelFlowTest() {
        super("it-qa.", EventType.PAPER_ANSWERED, Stage.ANSWER, "/paper-digest/qa-service", Duration.ofSeconds(90));
    }

    @Override
    protected PaperFetched processablePaper(String issueId) {
        return FixturePapers.gpqaAbstractOnly(issueId);
    }
}

package org.paperdigest.summarizer.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.paperdigest.events.Topics;
import org.paperdigest.testing.FakeLlmResource;
import org.paperdigest.testing.LlmServiceFaultRunTest;

/** The summarizer translates a whole week of papers while the fake model fails a share of its calls. */
@QuarkusTest
@TestProfile(SummarizerFaultRunTest.FaultRun.class)
@WithTestResource(FakeLlmResource.class)
class SummarizerFaultRunTest extends LlmServiceFaultRunTest {

    SummarizerFaultRunTest() {
        super("it-summarizer.", Topics.PAPER_SUMMARIES, Duration.ofMinutes(3));
    }

    public static class FaultRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return CONFIG;
        }
    }
}

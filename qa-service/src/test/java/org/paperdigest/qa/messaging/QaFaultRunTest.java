package org.paperdigest.qa.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.paperdigest.events.Topics;
import org.paperdigest.testing.FakeLlmResource;
import org.paperdigest.testing.LlmServiceFaultRunTest;

/** QA answers a whole week of papers from their abstracts while the fake model fails a share of its calls. */
@QuarkusTest
@TestProfile(QaFaultRunTest.FaultRun.class)
@WithTestResource(FakeLlmResource.class)
class QaFaultRunTest extends LlmServiceFaultRunTest {

    QaFaultRunTest() {
        super("it-qa.", Topics.PAPER_ANSWERS, Duration.ofMinutes(5));
    }

    public static class FaultRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return CONFIG;
        }
    }
}

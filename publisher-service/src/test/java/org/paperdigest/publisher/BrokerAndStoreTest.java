package org.paperdigest.publisher;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;

/**
 * The frame of the tests that drive the publisher through the real broker and check the real database. Every issue
 * a test makes with {@link #newTestIssue} is deleted after it: the schema is shared with the system test and with
 * running services.
 */
abstract class BrokerAndStoreTest {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    StoreProbe store;

    private final List<String> testIssues = new ArrayList<>();

    @AfterEach
    void deleteTestIssues() {
        testIssues.forEach(store::deleteIssue);
    }

    /** A new issue id, named after what the test does with it. */
    String newTestIssue(String purpose) {
        String issueId = TestEvents.newIssueId(purpose);
        testIssues.add(issueId);
        return issueId;
    }
}

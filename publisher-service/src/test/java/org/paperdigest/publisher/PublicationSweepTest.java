package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.ReceivedEvent;
import org.paperdigest.publisher.service.IssueLedger;
import org.paperdigest.publisher.service.IssuePublication;
import org.paperdigest.publisher.service.PublicationSweep;
import org.paperdigest.testing.Broker;

/**
 * An issue whose completing event was recorded but whose announcement did not happen (as when the broker refused
 * it) is published by the sweep, once.
 */
@QuarkusTest
class PublicationSweepTest extends BrokerAndStoreTest {

    @Inject
    IssueLedger ledger;

    @Inject
    IssuePublication publication;

    @Inject
    PublicationSweep sweep;

    @Test
    void publishesACompleteIssueThatWasNotAnnouncedAndOnlyOnce() {
        String issueId = newTestIssue("sweep");
        // Recorded as the consumer records them, without the publication step that follows each event there.
        List<DigestEvent> events = List.of(
                TestEvents.plan(issueId, Instant.parse("2023-11-27T09:00:00Z"), TestEvents.goldenPlannedGpqa()),
                TestEvents.gpqaFetched(issueId),
                TestEvents.gpqaSummarized(issueId),
                TestEvents.gpqaAnswered(issueId));
        events.forEach(event -> ledger.record(new ReceivedEvent<>(UUID.randomUUID().toString(), event)));

        given().get("/api/issues/{id}", issueId).then().statusCode(200)
                .body("status", is("COMPLETE"))
                .body("progress.done", is(1));
        assertEquals(0, store.revisions(issueId));

        try (Broker broker = new Broker(bootstrapServers);
                ConsumerTask<String, String> announcements = broker.observe(KafkaEvents.publishedTopic())) {
            sweep.run();

            given().get("/api/issues/{id}", issueId).then().statusCode(200).body("status", is("PUBLISHED"));
            assertEquals(1, store.revisions(issueId));
            await().atMost(PATIENCE).until(() -> announcementsOf(announcements, issueId) == 1);

            sweep.run();
            assertFalse(publication.publishIfComplete(issueId), "a published issue is not published again");
            assertEquals(1, store.revisions(issueId));
            // Give a wrongful second announcement time to arrive before counting again.
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            assertEquals(1, announcementsOf(announcements, issueId));
        }
    }

    private static long announcementsOf(ConsumerTask<String, String> announcements, String issueId) {
        return announcements.getRecords().stream().filter(record -> issueId.equals(record.key())).count();
    }
}

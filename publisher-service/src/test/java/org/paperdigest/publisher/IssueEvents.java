package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.testing.Broker;

/** Sends an issue's events through the real broker and waits until the publisher reports where they led. */
final class IssueEvents {

    private IssueEvents() {
    }

    static void send(String bootstrapServers, DigestEvent... events) {
        try (Broker broker = new Broker(bootstrapServers)) {
            broker.send(Arrays.stream(events).map(event -> KafkaEvents.record(event, Broker.newEventId())).toList());
        }
    }

    /** Waits until {@code GET /api/issues/{id}} shows the status and this many papers done. */
    static void awaitProgress(String issueId, String status, int done, Duration patience) {
        await().atMost(patience).until(() -> {
            var response = given().get("/api/issues/{id}", issueId);
            return response.statusCode() == 200
                    && status.equals(response.jsonPath().getString("status"))
                    && response.jsonPath().getInt("progress.done") == done;
        });
    }
}

package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.paperdigest.publisher.KafkaEvents.record;
import static org.paperdigest.testing.Broker.newEventId;
import static org.paperdigest.testing.Broker.withHeader;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.testing.Broker;

/**
 * A malformed record on each consumed topic goes to that topic's dead-letter topic with the reason, and the
 * consumer goes on: the good events sent after them are stored, and their issue is published.
 */
@QuarkusTest
class DeadLetterTest extends BrokerAndStoreTest {

    @Test
    void malformedRecordsGoToTheDeadLetterTopicAndConsumptionContinues() {
        String issueId = newTestIssue("dlq");
        String badKey = "dlq-" + UUID.randomUUID();
        // Per topic: a malformed record, and the part of its check that the dead-letter reason must name.
        Map<EventType<?>, ProducerRecord<String, String>> malformed = new LinkedHashMap<>();
        Map<EventType<?>, String> expectedReason = new LinkedHashMap<>();
        malformed.put(EventType.ISSUE_PLANNED, withKey(record(plan(issueId), newEventId()), badKey, "{not json"));
        expectedReason.put(EventType.ISSUE_PLANNED, "not JSON");
        malformed.put(EventType.PAPER_FETCHED, withKey(record(TestEvents.gpqaFetched(issueId), newEventId()), badKey,
                "{\"schemaVersion\":1,\"issueId\":\"" + issueId + "\"}"));
        expectedReason.put(EventType.PAPER_FETCHED, "violates its schema");
        ProducerRecord<String, String> noHeaders = new ProducerRecord<>(KafkaEvents.topic(EventType.PAPER_SUMMARIZED),
                badKey, EventCodec.toJson(TestEvents.gpqaSummarized(issueId)));
        malformed.put(EventType.PAPER_SUMMARIZED, noHeaders);
        expectedReason.put(EventType.PAPER_SUMMARIZED, "no ce_id header");
        ProducerRecord<String, String> wrongType = withKey(new ProducerRecord<>(
                KafkaEvents.topic(EventType.PAPER_ANSWERED), badKey, EventCodec.toJson(TestEvents.gpqaAnswered(issueId))),
                badKey, null);
        withHeader(wrongType, "ce_specversion", "1.0");
        withHeader(wrongType, EventCodec.CE_ID, newEventId());
        withHeader(wrongType, EventCodec.CE_TYPE, EventType.PAPER_SUMMARIZED.ceType());
        withHeader(wrongType, "ce_source", "/paper-digest/it-publisher");
        malformed.put(EventType.PAPER_ANSWERED, wrongType);
        expectedReason.put(EventType.PAPER_ANSWERED, "expected " + EventType.PAPER_ANSWERED.ceType());
        malformed.put(EventType.PAPER_FAILED, withKey(record(TestEvents.mirasolFetchFailed(issueId), newEventId()),
                badKey, ""));
        expectedReason.put(EventType.PAPER_FAILED, "empty payload");

        // Good events behind the bad ones; they complete a one-paper issue.
        List<ProducerRecord<String, String>> good = List.of(
                record(plan(issueId), newEventId()),
                record(TestEvents.gpqaFetched(issueId), newEventId()),
                record(TestEvents.gpqaSummarized(issueId), newEventId()),
                record(TestEvents.gpqaAnswered(issueId), newEventId()),
                record(TestEvents.mirasolFetchFailed(issueId), newEventId()));
        List<String> goodIds = good.stream().map(r -> KafkaCompanion.getHeader(r.headers(), EventCodec.CE_ID)).toList();

        try (Broker broker = new Broker(bootstrapServers)) {
            broker.send(new ArrayList<>(malformed.values()));
            broker.send(good);

            for (EventType<?> type : malformed.keySet()) {
                try (ConsumerTask<String, String> deadLetters = broker.observe(KafkaEvents.deadLetterTopic(type))) {
                    await().atMost(PATIENCE).until(() -> deadLetters.getRecords().stream()
                            .anyMatch(r -> badKey.equals(r.key())));
                    ConsumerRecord<String, String> dead = deadLetters.getRecords().stream()
                            .filter(r -> badKey.equals(r.key())).findFirst().orElseThrow();
                    assertEquals(malformed.get(type).value(), dead.value(), type.topic());
                    assertThat(type.topic(), KafkaCompanion.getHeader(dead.headers(), "dead-letter-reason"),
                            containsString(expectedReason.get(type)));
                    assertEquals(KafkaEvents.topic(type), KafkaCompanion.getHeader(dead.headers(), "dead-letter-topic"));
                }
            }

            await().atMost(PATIENCE).until(() -> store.allProcessed(goodIds));
            assertEquals(5, store.processedEvents(issueId));
            await().atMost(PATIENCE).until(() -> store.revisions(issueId) == 1);
            given().get("/api/issues/{id}", issueId).then().statusCode(200)
                    .body("status", is("PUBLISHED"))
                    .body("progress.done", is(1));
        }
    }

    private static IssuePlanned plan(String issueId) {
        return TestEvents.plan(issueId, Instant.parse("2023-11-27T09:00:00Z"), TestEvents.goldenPlannedGpqa());
    }

    /** The same record under another key and, unless null, another value; headers kept. */
    private static ProducerRecord<String, String> withKey(ProducerRecord<String, String> record, String key,
            String value) {
        return new ProducerRecord<>(record.topic(), null, key, value == null ? record.value() : value,
                record.headers());
    }
}

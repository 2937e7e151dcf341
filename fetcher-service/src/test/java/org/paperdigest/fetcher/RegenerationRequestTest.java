package org.paperdigest.fetcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.Link;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PlannedPaper;
import org.paperdigest.events.RegenerationRequested;
import org.paperdigest.fetcher.persistence.PlannedIssue;
import org.paperdigest.fetcher.persistence.PlannedIssues;
import org.paperdigest.testing.Broker;
import org.paperdigest.testing.FixtureServer;

/**
 * The publisher's regeneration request on the real broker: it names papers by key, and the fetcher reads each again
 * as the plan row it stored says, emitting their events under the issue's id with the rows' own keys, with one
 * export-API lookup. A key the stored plan lacks fails with a reason; a request of the contract before keys goes to
 * the dead-letter topic.
 */
@QuarkusTest
@WithTestResource(FixtureServerResource.class)
class RegenerationRequestTest {

    @FixtureServerResource.Server
    FixtureServer server;

    @Inject
    PlannedIssues issues;

    private final List<String> recorded = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        recorded.forEach(issues::forget);
    }

    @Test
    void theRequestedPapersAreFetchedAgain() {
        String issueId = planned(row(1, "0808.05394"), row(2, "1707.08567"));
        Set<String> ids = Set.of("0808.05394", "1707.08567");
        int queriesBefore = server.arxivQueries(ids).size();
        RegenerationRequested request = new RegenerationRequested(RegenerationRequested.SCHEMA_VERSION, issueId, 2,
                List.of("arxiv:0808.05394", "arxiv:1707.08567"), null, Instant.now());

        try (EventTopics topics = new EventTopics()) {
            Map<TopicPartition, Long> start = topics.endOffsets();
            topics.broker().publish(requestTopic(), request);

            // The subject is issue/paper: each row's event belongs to the regenerated issue under the row's key.
            PaperFetched fetched = EventCodec.decode(topics.consume(EventTopics.FETCHED, start, 1).get(0),
                    EventType.PAPER_FETCHED).payload();
            assertEquals(issueId + "/arxiv:1707.08567", fetched.subject());
            assertEquals(2, fetched.revision());
            PaperFailed failed = EventCodec.decode(topics.consume(EventTopics.FAILURES, start, 1).get(0),
                    EventType.PAPER_FAILED).payload();
            assertEquals(List.of(issueId + "/arxiv:0808.05394", "arXiv returned no entry for 0808.05394: check the id"
                    + " in the list"), List.of(failed.subject(), failed.reason()));
            assertEquals(queriesBefore + 1, server.arxivQueries(ids).size(), "one export-API request");
        }
    }

    @Test
    void aKeyTheStoredPlanLacksFailsWithAReasonAndTheOthersAreFetched() {
        String issueId = planned(row(1, "0808.05394"), row(2, "1707.08567"));
        String unknownIssue = "custom-it-unplanned-" + UUID.randomUUID().toString().substring(0, 12);
        try (EventTopics topics = new EventTopics()) {
            Map<TopicPartition, Long> start = topics.endOffsets();
            topics.broker().publish(requestTopic(), new RegenerationRequested(RegenerationRequested.SCHEMA_VERSION,
                    issueId, 2, List.of("arxiv:0808.05394", "arxiv:1707.08567", "arxiv:2311.99999"), "other-model", Instant.now()));
            topics.broker().publish(requestTopic(), new RegenerationRequested(RegenerationRequested.SCHEMA_VERSION,
                    unknownIssue, 3, List.of("arxiv:1707.08567"), null, Instant.now()));

            PaperFetched fetched = EventCodec.decode(topics.consume(EventTopics.FETCHED, start, 1).get(0),
                    EventType.PAPER_FETCHED).payload();
            assertEquals(List.of(issueId + "/arxiv:1707.08567", "other-model"),
                    List.of(fetched.subject(), fetched.model()));
            // Two requests, perhaps on two partitions: their failures may come in either order.
            Map<String, PaperFailed> failed = topics.consume(EventTopics.FAILURES, start, 3).stream()
                    .map(record -> EventCodec.decode(record, EventType.PAPER_FAILED).payload())
                    .collect(Collectors.toMap(PaperFailed::subject, Function.identity()));
            assertEquals(Set.of(issueId + "/arxiv:0808.05394", issueId + "/arxiv:2311.99999",
                    unknownIssue + "/arxiv:1707.08567"), failed.keySet());
            PaperFailed notInPlan = failed.get(issueId + "/arxiv:2311.99999");
            assertEquals("the fetcher's stored plan of issue " + issueId + " has no paper arxiv:2311.99999; a"
                    + " regeneration can name only papers of the issue's plan", notInPlan.reason());
            assertEquals(2, notInPlan.revision());
            PaperFailed noPlan = failed.get(unknownIssue + "/arxiv:1707.08567");
            assertTrue(noPlan.reason().startsWith("the fetcher has no stored plan of issue " + unknownIssue),
                    noPlan.reason());
            assertEquals(3, noPlan.revision());
        }
    }

    @Test
    void aRequestCarryingPlanRowsAsBeforeGoesToTheDeadLetterTopic() {
        String issueId = planned(row(1, "1707.08567"));
        String rows = "{\"schemaVersion\":1,\"issueId\":\"" + issueId + "\",\"revision\":2,\"papers\":[{\"position\":1,"
                + "\"paperKey\":\"arxiv:1707.08567\",\"title\":\"t\",\"description\":\"\",\"links\":[]}],"
                + "\"model\":null,\"requestedAt\":\"2023-11-28T08:30:00Z\"}";
        String eventId = Broker.newEventId();
        try (EventTopics topics = new EventTopics()) {
            topics.broker().publishRaw(requestTopic(), issueId, rows, Map.of("ce_id", eventId, "ce_type",
                    EventType.REGENERATION_REQUESTED.ceType()));
            ConsumerRecord<String, String> dead = topics.broker().awaitRecord(requestTopic() + "-dlq",
                    record -> record.value().contains(issueId), Duration.ofSeconds(60));
            assertEquals(rows, dead.value());
        }
    }

    private String planned(PlannedPaper... rows) {
        String issueId = "custom-it-regen-" + UUID.randomUUID().toString().substring(0, 12);
        assertTrue(issues.recordIfAbsent(issueId, PlannedIssue.Kind.CUSTOM, "regenerated", List.of(rows),
                Instant.now()));
        recorded.add(issueId);
        return issueId;
    }

    private static String requestTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.regeneration-requests.topic", String.class);
    }

    private static PlannedPaper row(int position, String arxivId) {
        return new PlannedPaper(position, "arxiv:" + arxivId, "arXiv:" + arxivId, "",
                List.of(new Link("Paper", "https://arxiv.org/abs/" + arxivId)));
    }
}

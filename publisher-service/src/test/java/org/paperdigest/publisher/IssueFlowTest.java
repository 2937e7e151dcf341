package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.paperdigest.publisher.KafkaEvents.record;
import static org.paperdigest.testing.Broker.newEventId;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.IssuePublished;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.Stage;
import org.paperdigest.testing.Broker;

/**
 * One issue's events sent to the real broker out of order (answers and summaries before the plan, the last
 * fetch last), then all of them again: the issue is published exactly once, and redelivery changes nothing.
 */
@QuarkusTest
class IssueFlowTest extends BrokerAndStoreTest {

    @Test
    void publishesOnceWhateverTheOrderAndIgnoresRedelivery() {
        String issueId = newTestIssue("flow");
        IssuePlanned plan = TestEvents.plan(issueId, Instant.parse("2023-11-27T09:00:00Z"),
                TestEvents.goldenPlannedGpqa(),
                TestEvents.planned(3, TestEvents.PASS, "Parallel Speculative Sampling"),
                TestEvents.planned(1, TestEvents.MIRASOL, "Mirasol3B"));
        PaperFetched lastFetch = TestEvents.gpqaFetched(issueId);
        List<ProducerRecord<String, String>> allButLastFetch = List.of(
                record(TestEvents.gpqaAnswered(issueId), newEventId()),
                record(TestEvents.passAnsweredFromAbstract(issueId), newEventId()),
                record(TestEvents.gpqaSummarized(issueId), newEventId()),
                record(TestEvents.failed(issueId, TestEvents.PASS, Stage.SUMMARIZE, TestEvents.SUMMARIZE_REASON),
                        newEventId()),
                record(TestEvents.mirasolFetchFailed(issueId), newEventId()),
                record(plan, newEventId()),
                record(TestEvents.passAbstractOnly(issueId), newEventId()));
        ProducerRecord<String, String> lastFetchRecord = record(lastFetch, newEventId());

        try (Broker broker = new Broker(bootstrapServers);
                ConsumerTask<String, String> published = broker.observe(KafkaEvents.publishedTopic())) {

            broker.send(allButLastFetch);

            // Two of three papers are settled (Mirasol3B failed to fetch; PaSS has all it will get); GPQA waits.
            await().atMost(PATIENCE).until(() -> issueJson(issueId).map(json -> json.getInt("progress.done") == 2)
                    .orElse(false));
            JsonPath inProgress = issueJson(issueId).orElseThrow();
            assertEquals("IN_PROGRESS", inProgress.getString("status"));
            assertEquals(3, inProgress.getInt("progress.total"));
            String gpqaRow = "papers.find { it.paperKey == '" + TestEvents.GPQA + "' }";
            assertEquals("PENDING", inProgress.getString(gpqaRow + ".fetch.status"));
            assertEquals("DONE", inProgress.getString(gpqaRow + ".summarize.status"));
            assertEquals("DONE", inProgress.getString(gpqaRow + ".answer.status"));
            given().get("/issues/{id}.md", issueId).then().statusCode(404)
                    .body("message", containsString("not published"));

            broker.send(lastFetchRecord);

            await().atMost(PATIENCE).until(() -> issueJson(issueId)
                    .map(json -> "PUBLISHED".equals(json.getString("status"))).orElse(false));
            await().atMost(PATIENCE).until(() -> publishedFor(published, issueId).size() == 1);

            ConsumerRecord<String, String> announcement = publishedFor(published, issueId).get(0);
            IssuePublished event = EventCodec.fromJson(announcement.value(), EventType.ISSUE_PUBLISHED);
            assertEquals(new IssuePublished(1, issueId, 1, 3, 2, event.publishedAt()), event);
            assertEquals("/paper-digest/publisher-service", KafkaCompanion.getHeader(announcement.headers(), "ce_source"));
            assertEquals(EventType.ISSUE_PUBLISHED.ceType(), KafkaCompanion.getHeader(announcement.headers(), "ce_type"));
            assertEquals(1, store.revisions(issueId));
            assertEquals(8, store.processedEvents(issueId));

            assertPublishedIssue(issueId, lastFetch);
            String markdown = assertMarkdown(issueId, lastFetch);
            String lastPaperChange = store.lastPaperChange(issueId);

            // Everything again, same ce_ids; then, behind each redelivered record on its partition, a new event
            // that must be processed: a second plan for the published issue, and each paper event under another
            // issue id with the same key. Once those are stored, the duplicates ahead of them were handled.
            List<ProducerRecord<String, String>> redelivered = new ArrayList<>(allButLastFetch);
            redelivered.add(lastFetchRecord);
            broker.send(copies(redelivered));
            String otherIssue = newTestIssue("flow-behind");
            List<ProducerRecord<String, String>> behind = new ArrayList<>();
            IssuePlanned secondPlan = TestEvents.plan(issueId, Instant.parse("2023-11-28T09:00:00Z"),
                    TestEvents.goldenPlannedGpqa());
            behind.add(record(secondPlan, newEventId()));
            for (ProducerRecord<String, String> original : redelivered) {
                DigestEvent redeliveredEvent = decode(original);
                if (!(redeliveredEvent instanceof IssuePlanned)) {
                    behind.add(record(TestEvents.inIssue(redeliveredEvent, otherIssue), newEventId()));
                }
            }
            broker.send(behind);
            List<String> behindIds = behind.stream()
                    .map(r -> KafkaCompanion.getHeader(r.headers(), EventCodec.CE_ID)).toList();
            await().atMost(PATIENCE).until(() -> store.allProcessed(behindIds));

            assertEquals(1, store.revisions(issueId));
            assertEquals(9, store.processedEvents(issueId), "the 8 events once, plus the second plan");
            assertEquals(3, store.paperStates(issueId));
            assertEquals(lastPaperChange, store.lastPaperChange(issueId), "no redelivered event was applied again");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> publishedFor(published, issueId).size() == 1);
            given().get("/api/issues/{id}", issueId).then().statusCode(200)
                    .body("status", is("PUBLISHED"))
                    .body("revision", is(1))
                    .body("papers.paperKey", contains(TestEvents.MIRASOL, TestEvents.PASS, TestEvents.GPQA));
            assertEquals(markdown, given().get("/issues/{id}.md", issueId).then().statusCode(200).extract().asString());
        }
    }

    private void assertPublishedIssue(String issueId, PaperFetched gpqa) {
        given().get("/api/issues/{id}", issueId).then().statusCode(200)
                .body("issueId", is(issueId))
                .body("status", is("PUBLISHED"))
                .body("progress.done", is(3))
                .body("progress.total", is(3))
                .body("revision", is(1))
                .body("publishedAt", not(nullValue()))
                .body("papers.paperKey", contains(TestEvents.MIRASOL, TestEvents.PASS, TestEvents.GPQA))
                .body("papers[0].fetch.status", is("FAILED"))
                .body("papers[0].fetch.reason", is(TestEvents.FETCH_REASON))
                .body("papers[0].summarize.status", is("SKIPPED"))
                .body("papers[1].summarize.status", is("FAILED"))
                .body("papers[1].summarize.reason", is(TestEvents.SUMMARIZE_REASON))
                .body("papers[2].complete", is(true))
                .body("content.paperCount", is(3))
                .body("content.failedCount", is(2))
                .body("content.papers.position", contains(1, 3, 6))
                .body("content.papers[0].title", is("Mirasol3B"))
                .body("content.papers[0].metadata", nullValue())
                .body("content.papers[0].failures[0].stage", is("FETCH"))
                .body("content.papers[1].contentLevel", is("ABSTRACT_ONLY"))
                .body("content.papers[1].abstractJa", nullValue())
                .body("content.papers[1].failures[0].stage", is("SUMMARIZE"))
                .body("content.papers[1].qa[0].evidence[0].page", nullValue())
                .body("content.papers[2].title", is(gpqa.metadata().title()))
                .body("content.papers[2].metadata.url", is(gpqa.metadata().url()))
                .body("content.papers[2].metadata.categories.name",
                        contains("Artificial Intelligence", "Computation and Language"))
                .body("content.papers[2].abstractJa", is(TestEvents.gpqaSummarized(issueId).abstractJa()))
                .body("content.papers[2].summaryJa", is(TestEvents.gpqaSummarized(issueId).summaryJa()))
                .body("content.papers[2].summaryGeneration.model", is("gpt-4o-mini"))
                .body("content.papers[2].summaryGeneration.promptVersion", is("summary-v2"))
                .body("content.papers[2].keyResultsJa", is(TestEvents.gpqaSummarized(issueId).keyResultsJa()))
                .body("content.papers[2].resourceLinks[0].url", is("https://github.com/idavidrein/gpqa"))
                .body("content.papers[2].resourceLinks[0].page", is(1))
                .body("content.papers[2].summaryGeneration.generatedAt", is("2023-11-27T09:01:00Z"))
                .body("content.papers[2].qaGeneration.promptVersion", is("qa-v2"))
                .body("content.papers[2].qa[0].evidence[0].quote", startsWith("a challenging dataset of 448"))
                .body("content.papers[2].qa[0].evidence[0].page", is(1))
                .body("content.papers[2].qa[1].answerable", is(false));
        given().get("/api/issues").then().statusCode(200)
                .body("find { it.issueId == '" + issueId + "' }.status", is("PUBLISHED"))
                .body("find { it.issueId == '" + issueId + "' }.progress.done", is(3))
                .body("find { it.issueId == '" + issueId + "' }.progress.total", is(3))
                .body("find { it.issueId == '" + issueId + "' }.title", is(
                        "Top ML Papers of the Week (November 20 - November 26, 2023)"))
                .body("issueId", hasItem(issueId));
    }

    private String assertMarkdown(String issueId, PaperFetched gpqa) {
        return given().get("/issues/{id}.md", issueId).then().statusCode(200)
                .header("Content-Type", equalTo("text/markdown;charset=UTF-8"))
                .body(containsString("紹介する論文は以下の3本となります。"))
                .body(containsString("\n## " + gpqa.metadata().title() + "\n"))
                .body(containsString("URL:<" + gpqa.metadata().url() + ">"))
                .body(containsString("(p. 1)"))
                // Readers get the reason in Japanese; its English stays in the JSON.
                .body(containsString("arXivにこの論文が見つかりませんでした"))
                .body(not(containsString(TestEvents.FETCH_REASON)))
                .body(not(containsString("[number]")))
                .extract().asString();
    }

    private static Optional<JsonPath> issueJson(String issueId) {
        var response = given().get("/api/issues/{id}", issueId);
        return response.statusCode() == 200 ? Optional.of(response.jsonPath()) : Optional.empty();
    }

    private static List<ConsumerRecord<String, String>> publishedFor(ConsumerTask<String, String> task,
            String issueId) {
        return task.getRecords().stream().filter(r -> issueId.equals(r.key())).toList();
    }

    private static List<ProducerRecord<String, String>> copies(List<ProducerRecord<String, String>> records) {
        return records.stream()
                .map(r -> new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers()))
                .toList();
    }

    private static DigestEvent decode(ProducerRecord<String, String> record) {
        String type = KafkaCompanion.getHeader(record.headers(), EventCodec.CE_TYPE);
        EventType<?> eventType = EventType.ALL.stream().filter(t -> t.ceType().equals(type)).findFirst().orElseThrow();
        return EventCodec.fromJson(record.value(), eventType);
    }
}

package org.paperdigest.fetcher;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.Link;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PlannedPaper;
import org.paperdigest.fetcher.persistence.PlannedIssue;
import org.paperdigest.fetcher.persistence.PlannedIssues;
import org.paperdigest.fetcher.service.IssuePlanner;
import org.paperdigest.testing.AdminCredentials;
import org.paperdigest.testing.FixtureServer;

/**
 * Custom issues, the newest week, and re-requests of a planned week, on the real broker and database with the
 * fixture server standing in for GitHub and arXiv.
 */
@QuarkusTest
@WithTestResource(FixtureServerResource.class)
class IssueRequestsTest {

    private static final String WEEK = "2023-11-20";

    @FixtureServerResource.Server
    FixtureServer server;

    @Inject
    PlannedIssues issues;

    @Inject
    IssuePlanner planner;

    private EventTopics topics;
    private final List<String> recorded = new ArrayList<>();

    @BeforeEach
    void connect() {
        topics = new EventTopics();
    }

    @AfterEach
    void cleanUp() {
        recorded.forEach(issues::forget);
        topics.close();
    }

    @Test
    void aCustomIssueIsPlannedInRequestOrderWithOneLookup() {
        Map<TopicPartition, Long> start = topics.endOffsets();
        Set<String> ids = Set.of("0808.05394", "1707.08567");
        int queriesBefore = server.arxivQueries(ids).size();

        String issueId = post("{\"arxivIds\":[\"0808.05394\",\"1707.08567\"],\"title\":\" My reading list \"}")
                .then().statusCode(202).contentType(ContentType.JSON)
                .body("issueId", matchesPattern("custom-[A-Za-z0-9._-]+"))
                .body("title", equalTo("My reading list"))
                .body("paperCount", equalTo(2))
                .body("existing", equalTo(false))
                .body("note", nullValue())
                .extract().path("issueId");
        recorded.add(issueId);

        ConsumerRecord<String, String> planRecord = topics.consume(EventTopics.PLANS, start, 1).get(0);
        assertEquals(issueId, planRecord.key());
        IssuePlanned plan = EventCodec.decode(planRecord, EventType.ISSUE_PLANNED).payload();
        assertEquals("My reading list", plan.title());
        LocalDate today = LocalDate.ofInstant(plan.plannedAt(), ZoneOffset.UTC);
        assertEquals(today, plan.weekStart());
        assertEquals(today, plan.weekEnd());
        assertEquals(List.of(1, 2), plan.papers().stream().map(PlannedPaper::position).toList());
        assertEquals(List.of("arxiv:0808.05394", "arxiv:1707.08567"),
                plan.papers().stream().map(PlannedPaper::paperKey).toList());
        assertEquals(List.of(new Link("Paper", "https://arxiv.org/abs/1707.08567")), plan.papers().get(1).links());

        // arXiv knows one of the two: one paper fetched, one failed, both of this issue.
        PaperFetched fetched = EventCodec.decode(topics.consume(EventTopics.FETCHED, start, 1).get(0),
                EventType.PAPER_FETCHED).payload();
        assertEquals(issueId, fetched.issueId());
        assertEquals("arxiv:1707.08567", fetched.paperKey());
        PaperFailed failed = EventCodec.decode(topics.consume(EventTopics.FAILURES, start, 1).get(0),
                EventType.PAPER_FAILED).payload();
        assertEquals(issueId, failed.issueId());
        assertEquals("arXiv returned no entry for 0808.05394: check the id in the list", failed.reason());
        assertEquals(queriesBefore + 1, server.arxivQueries(ids).size(), "one export-API request for the issue");

        assertEquals(plan.papers(), issues.papers(issueId), "the stored plan is the one sent");
        PlannedIssue row = issues.find(issueId).orElseThrow();
        assertEquals(PlannedIssue.Kind.CUSTOM, row.kind);
        assertEquals(2, row.paperCount);
        assertEquals("My reading list", row.title);
    }

    @Test
    void aCustomIssueWithoutTitleGetsTheDefaultAndEveryRequestIsANewIssue() {
        Map<TopicPartition, Long> start = topics.endOffsets();
        String first = post("{\"arxivIds\":[\"1605.08386\"]}").then().statusCode(202)
                .body("title", equalTo("Custom issue (1 paper)")).extract().path("issueId");
        recorded.add(first);
        String second = post("{\"arxivIds\":[\"1605.08386\"]}").then().statusCode(202)
                .extract().path("issueId");
        recorded.add(second);
        assertNotEquals(first, second);
        List<String> fetchedIssues = topics.consume(EventTopics.FETCHED, start, 2).stream()
                .map(r -> EventCodec.decode(r, EventType.PAPER_FETCHED).payload().issueId()).sorted().toList();
        assertEquals(List.of(first, second).stream().sorted().toList(), fetchedIssues);
    }

    @Test
    void aWeekPlannedBeforeIsAnsweredWithoutEventsUnlessReplanned() throws Exception {
        issues.forget(WEEK);
        recorded.add(WEEK);
        assertTrue(issues.recordIfAbsent(WEEK, PlannedIssue.Kind.WEEK, "as recorded", 7, Instant.now()));
        Map<TopicPartition, Long> start = topics.endOffsets();

        post("{\"week\":\"" + WEEK + "\"}").then().statusCode(200).contentType(ContentType.JSON)
                .body("issueId", equalTo(WEEK))
                .body("title", equalTo("as recorded"))
                .body("paperCount", equalTo(7))
                .body("existing", equalTo(true))
                .body("note", containsString("\"replan\":true"));
        Thread.sleep(500);
        assertEquals(0, EventTopics.count(start, topics.endOffsets(), EventTopics.PLANS), "nothing sent");

        post("{\"week\":\"" + WEEK + "\",\"replan\":true}").then().statusCode(202)
                .body("issueId", equalTo(WEEK))
                .body("title", equalTo("Top ML Papers of the Week (November 20 - November 26, 2023)"))
                .body("paperCount", equalTo(10))
                .body("existing", equalTo(false))
                .body("note", containsString("publisher keeps an issue it has already published"));
        assertEquals(WEEK, topics.consume(EventTopics.PLANS, start, 1).get(0).key());
        // Let the replanned issue's papers settle before the next test counts events.
        topics.consume(EventTopics.FETCHED, start, 9);
        topics.consume(EventTopics.FAILURES, start, 1);
        PlannedIssue row = issues.find(WEEK).orElseThrow();
        assertEquals(10, row.paperCount);
        assertEquals(plan(topics, start).papers(), issues.papers(WEEK), "the stored plan is the one sent");
        assertEquals("Top ML Papers of the Week (November 20 - November 26, 2023)", row.title);
    }

    @Test
    void latestIsTheListsNewestWeek() {
        String newest = planner.list().newest().orElseThrow().start().toString();
        assertEquals("2025-06-23", newest);
        boolean mine = issues.recordIfAbsent(newest, PlannedIssue.Kind.WEEK, "newest, as recorded", 3, Instant.now());
        if (mine) {
            recorded.add(newest);
        }
        post("{\"week\":\"latest\"}").then().statusCode(200)
                .body("issueId", equalTo(newest))
                .body("existing", equalTo(true));
    }

    @Test
    void concurrentRecordsOfOneIssueSucceedOnce() throws Exception {
        String issueId = "custom-concurrent-" + UUID.randomUUID();
        recorded.add(issueId);
        Callable<Boolean> record = () -> issues.recordIfAbsent(issueId, PlannedIssue.Kind.CUSTOM, "t", 1,
                Instant.now());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = pool.invokeAll(List.of(record, record, record, record));
            long winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    private static IssuePlanned plan(EventTopics topics, Map<TopicPartition, Long> start) {
        return EventCodec.decode(topics.consume(EventTopics.PLANS, start, 1).get(0), EventType.ISSUE_PLANNED)
                .payload();
    }

    private static io.restassured.response.Response post(String body) {
        return given().header(AdminCredentials.HEADER, AdminCredentials.ADMIN).contentType(ContentType.JSON).body(body).post("/api/issues");
    }
}

package org.paperdigest.fetcher;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.ContentLevel;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.Page;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PlannedPaper;
import org.paperdigest.events.Stage;
import org.paperdigest.fetcher.persistence.PlannedIssues;
import org.paperdigest.testing.AdminCredentials;
import org.paperdigest.testing.Broker;
import org.paperdigest.testing.FixtureServer;

/**
 * The whole flow on the real broker with the fixture server standing in for GitHub and arXiv: one request plans the
 * week of 2023-11-20 and every paper arrives as exactly one event.
 */
@QuarkusTest
@WithTestResource(FixtureServerResource.class)
class IssueFlowTest {

    private static final List<String> WEEK_IDS = List.of("2311.11829", "2311.12351", "2311.13581", "2311.05698",
            "2311.11045", "2311.12022", "2311.11797", "2311.12983", "2311.10537", "2311.10702");
    private static final String PLANS = EventTopics.PLANS;
    private static final String FETCHED = EventTopics.FETCHED;
    private static final String FAILURES = EventTopics.FAILURES;

    @FixtureServerResource.Server
    FixtureServer server;

    @Inject
    PlannedIssues issues;

    private EventTopics topics;

    @BeforeEach
    void connect() {
        // The week is planned once per database; this test plans it anew.
        issues.forget("2023-11-20");
        topics = new EventTopics();
    }

    @AfterEach
    void close() {
        issues.forget("2023-11-20");
        topics.close();
    }

    @Test
    void planningAWeekEmitsThePlanAndOneEventPerPaper() throws Exception {
        Map<TopicPartition, Long> start = topics.endOffsets();
        int queriesBefore = server.arxivQueries(Set.copyOf(WEEK_IDS)).size();
        int pdfRequestsBefore = server.requests("/arxiv/pdf/").size();

        given().header(AdminCredentials.HEADER, AdminCredentials.ADMIN).contentType(ContentType.JSON).body("{\"week\":\"2023-11-20\"}").post("/api/issues")
                .then().statusCode(202).contentType(ContentType.JSON)
                .body("issueId", equalTo("2023-11-20"))
                .body("title", equalTo("Top ML Papers of the Week (November 20 - November 26, 2023)"))
                .body("paperCount", equalTo(10))
                .body("existing", equalTo(false));

        List<ConsumerRecord<String, String>> plans = topics.consume(PLANS, start, 1);
        List<ConsumerRecord<String, String>> fetched = topics.consume(FETCHED, start, 9);
        List<ConsumerRecord<String, String>> failures = topics.consume(FAILURES, start, 1);

        // The plan: ten papers in list order, keyed by the issue.
        ConsumerRecord<String, String> planRecord = plans.get(0);
        assertEquals("2023-11-20", planRecord.key());
        assertCloudEvent(planRecord, EventType.ISSUE_PLANNED, "2023-11-20");
        IssuePlanned plan = EventCodec.decode(planRecord, EventType.ISSUE_PLANNED).payload();
        assertEquals(LocalDate.of(2023, 11, 20), plan.weekStart());
        assertEquals(LocalDate.of(2023, 11, 26), plan.weekEnd());
        assertEquals(IntStream.rangeClosed(1, 10).boxed().toList(),
                plan.papers().stream().map(PlannedPaper::position).toList());
        assertEquals(WEEK_IDS.stream().map(id -> "arxiv:" + id).toList(),
                plan.papers().stream().map(PlannedPaper::paperKey).toList());
        assertEquals("GPQA", plan.papers().get(5).title());
        assertEquals("TÜLU 2", plan.papers().get(9).title());

        // Nine papers fetched, each keyed by its paperKey with CloudEvents headers.
        Map<String, PaperFetched> papers = new HashMap<>();
        for (ConsumerRecord<String, String> record : fetched) {
            PaperFetched paper = EventCodec.decode(record, EventType.PAPER_FETCHED).payload();
            assertEquals(paper.paperKey(), record.key());
            assertCloudEvent(record, EventType.PAPER_FETCHED, "2023-11-20/" + paper.paperKey());
            assertEquals("2023-11-20", paper.issueId());
            assertNull(papers.put(paper.paperKey(), paper), "twice: " + paper.paperKey());
        }
        assertEquals(WEEK_IDS.stream().filter(id -> !id.equals("2311.05698")).map(id -> "arxiv:" + id)
                .collect(Collectors.toSet()), papers.keySet());

        PaperFetched gpqa = papers.get("arxiv:2311.12022");
        assertEquals(ContentLevel.FULL_TEXT, gpqa.contentLevel());
        assertEquals(IntStream.rangeClosed(1, 28).boxed().toList(),
                gpqa.fullText().pages().stream().map(Page::number).toList());
        assertTrue(gpqa.fullText().pages().get(0).text().contains("GPQA: A Graduate-Level Google-Proof"));
        assertEquals("https://arxiv.org/abs/2311.12022v1", gpqa.metadata().url());
        assertEquals("https://arxiv.org/pdf/2311.12022v1", gpqa.metadata().pdfUrl());
        assertEquals("Artificial Intelligence", gpqa.metadata().categories().get(0).name());
        assertTrue(gpqa.sourceUrls().contains(server.arxivPdfBaseUrl() + "2311.12022v1"), gpqa.sourceUrls().toString());

        for (PaperFetched paper : papers.values()) {
            if (paper != gpqa) {
                assertEquals(ContentLevel.ABSTRACT_ONLY, paper.contentLevel(), paper.paperKey());
                assertNull(paper.fullText());
                assertEquals(List.of("full text unavailable: PDF download returned HTTP 404"), paper.notes());
                assertNotNull(paper.metadata().abstractText());
                String version = paper.paperVersion();
                String id = paper.paperKey().substring("arxiv:".length());
                assertEquals("https://arxiv.org/abs/" + id + version, paper.metadata().url());
            }
        }
        assertEquals("v2", papers.get("arxiv:2311.12351").paperVersion());

        // The paper arXiv does not return fails with a reason a person can act on.
        ConsumerRecord<String, String> failureRecord = failures.get(0);
        assertEquals("arxiv:2311.05698", failureRecord.key());
        assertCloudEvent(failureRecord, EventType.PAPER_FAILED, "2023-11-20/arxiv:2311.05698");
        PaperFailed mirasol = EventCodec.decode(failureRecord, EventType.PAPER_FAILED).payload();
        assertEquals(Stage.FETCH, mirasol.stage());
        assertEquals("arXiv returned no entry for 2311.05698: check the id in the list", mirasol.reason());

        // Nothing more than one event per paper.
        Thread.sleep(500);
        Map<TopicPartition, Long> end = topics.endOffsets();
        assertEquals(1, EventTopics.count(start, end, PLANS));
        assertEquals(9, EventTopics.count(start, end, FETCHED));
        assertEquals(1, EventTopics.count(start, end, FAILURES));

        // arXiv was asked once for all ten ids, politely, and for nine PDFs, one at a time.
        List<FixtureServer.RecordedRequest> queries = server.arxivQueries(Set.copyOf(WEEK_IDS));
        assertEquals(queriesBefore + 1, queries.size(), "exactly one export-API request for the issue");
        FixtureServer.RecordedRequest query = queries.get(queries.size() - 1);
        assertEquals("10", query.param("max_results"));
        assertTrue(query.userAgent().contains("PaperDigest"), query.userAgent());
        assertTrue(query.userAgent().contains(FixtureServerResource.CONTACT), query.userAgent());
        List<FixtureServer.RecordedRequest> pdfs = server.requests("/arxiv/pdf/");
        pdfs = pdfs.subList(pdfRequestsBefore, pdfs.size());
        assertEquals(9, pdfs.size());
        assertTrue(pdfs.stream().anyMatch(r -> r.path().equals("/arxiv/pdf/2311.12022v1")));
        assertTrue(pdfs.stream().anyMatch(r -> r.path().equals("/arxiv/pdf/2311.12351v2")), "the version read");
        List<FixtureServer.RecordedRequest> arxivCalls = server.requests().stream()
                .filter(r -> r.path().startsWith("/arxiv/"))
                .filter(r -> !r.receivedAt().isBefore(query.receivedAt()))
                .toList();
        for (int i = 1; i < arxivCalls.size(); i++) {
            Duration gap = Duration.between(arxivCalls.get(i - 1).receivedAt(), arxivCalls.get(i).receivedAt());
            assertTrue(gap.toMillis() >= 45, "arXiv calls " + (i - 1) + " and " + i + " only " + gap + " apart");
        }
    }

    private static void assertCloudEvent(ConsumerRecord<String, String> record, EventType<?> type, String subject) {
        Function<String, String> header = name -> Broker.header(record, name);
        assertNotNull(header.apply("ce_id"));
        assertEquals(type.ceType(), header.apply("ce_type"));
        assertEquals("/paper-digest/fetcher-service", header.apply("ce_source"));
        assertEquals(subject, header.apply("ce_subject"));
        assertEquals("1.0", header.apply("ce_specversion"));
    }
}

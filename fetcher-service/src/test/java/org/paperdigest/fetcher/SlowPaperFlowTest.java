package org.paperdigest.fetcher;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperdigest.fetcher.persistence.PlannedIssues;
import org.paperdigest.testing.AdminCredentials;
import org.paperdigest.testing.FixtureServer;

/**
 * On the real broker, papers are sent as each is ready: while one paper is still downloading, the others of its issue
 * go out. The fixture server holds the slow download back until the test has seen the others.
 */
@QuarkusTest
@TestProfile(SlowPaperFlowTest.PatientDownloads.class)
@WithTestResource(FixtureServerResource.class)
class SlowPaperFlowTest {

    /** The held download must not time out while the test waits for the other papers. */
    public static class PatientDownloads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperdigest.fetcher.http.read-timeout", "PT2M");
        }
    }

    /** A blog post first, then nine arXiv papers, five of which arXiv knows. */
    private static final String WEEK = "2023-11-13";

    @FixtureServerResource.Server
    FixtureServer server;

    @Inject
    PlannedIssues issues;

    private EventTopics topics;

    @BeforeEach
    void connect() {
        issues.forget(WEEK);
        topics = new EventTopics();
    }

    @AfterEach
    void close() {
        issues.forget(WEEK);
        topics.close();
    }

    @Test
    void aPaperStillDownloadingHoldsBackNoOther() throws Exception {
        Map<TopicPartition, Long> start = topics.endOffsets();
        int pagesBefore = server.requests("/web/").size();
        int lookupsBefore = server.requests("/arxiv/api/query").size();
        try (FixtureServer.Hold page = server.hold("/web/")) {
            try (FixtureServer.Hold lookup = server.hold("/arxiv/api/query")) {
                given().header(AdminCredentials.HEADER, AdminCredentials.ADMIN).contentType(ContentType.JSON)
                        .body("{\"week\":\"" + WEEK + "\"}").post("/api/issues")
                        .then().statusCode(202).body("paperCount", equalTo(10));
                // The blog post's download is under way before arXiv has said anything about the others.
                await().atMost(Duration.ofSeconds(60)).until(() -> server.requests("/web/").size() > pagesBefore
                        && server.requests("/arxiv/api/query").size() > lookupsBefore);
            }
            // With the blog post still downloading, every arXiv paper is sent.
            List<ConsumerRecord<String, String>> arxivPapers = new ArrayList<>(
                    topics.consume(EventTopics.FETCHED, start, 5));
            arxivPapers.addAll(topics.consume(EventTopics.FAILURES, start, 4));
            List<String> keys = arxivPapers.stream().map(ConsumerRecord::key).toList();
            assertTrue(keys.stream().allMatch(key -> key.startsWith("arxiv:")), keys.toString());
            assertEquals(9, keys.stream().distinct().count(), keys.toString());
        }
        List<ConsumerRecord<String, String>> fetched = topics.consume(EventTopics.FETCHED, start, 6);
        assertTrue(fetched.get(5).key().startsWith("url:"), "the blog post comes last: " + fetched.get(5).key());
        Thread.sleep(500);
        Map<TopicPartition, Long> end = topics.endOffsets();
        assertEquals(6, EventTopics.count(start, end, EventTopics.FETCHED), "one event per paper");
        assertEquals(4, EventTopics.count(start, end, EventTopics.FAILURES), "one event per paper");
    }
}

package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.ReceivedEvent;
import org.paperdigest.publisher.service.IssueLedger;
import org.paperdigest.publisher.service.IssuePublication;

/**
 * {@code GET /api/issues/{id}} is served from memory, and every write that changes the issue drops what was kept,
 * so the next read shows the change at once. The tests keep it an hour (read-cache.live-ttl): a write that did not
 * drop it would be read stale here.
 */
@QuarkusTest
class LiveIssueJsonTest extends BrokerAndStoreTest {

    private static final String GPQA_ROW = "papers.find { it.paperKey == '" + TestEvents.GPQA + "' }";

    @Inject
    IssueLedger ledger;

    @Inject
    IssuePublication publication;

    @Test
    void eachRecordedEventAndThePublicationShowAtOnce() {
        String issueId = newTestIssue("live-json");
        record(TestEvents.plan(issueId, Instant.now(), TestEvents.goldenPlannedGpqa()));
        Response planned = given().get("/api/issues/{id}", issueId);
        planned.then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store");
        assertNull(planned.header("ETag"), "an issue being made is not revalidated: it changes any second");
        assertEquals("PLANNED", planned.jsonPath().getString("status"));
        assertEquals("PENDING", planned.jsonPath().getString(GPQA_ROW + ".fetch.status"));
        assertEquals(planned.asString(), given().get("/api/issues/{id}", issueId).asString(), "kept while unchanged");

        record(TestEvents.gpqaFetched(issueId));
        JsonPath fetched = given().get("/api/issues/{id}", issueId).then().statusCode(200).extract().jsonPath();
        assertEquals("IN_PROGRESS", fetched.getString("status"));
        assertEquals("DONE", fetched.getString(GPQA_ROW + ".fetch.status"));

        record(TestEvents.gpqaSummarized(issueId));
        record(TestEvents.gpqaAnswered(issueId));
        JsonPath complete = given().get("/api/issues/{id}", issueId).then().statusCode(200).extract().jsonPath();
        assertEquals("COMPLETE", complete.getString("status"));
        assertEquals(1, complete.getInt("progress.done"));

        assertTrue(publication.publishIfComplete(issueId));
        JsonPath published = given().get("/api/issues/{id}", issueId).then().statusCode(200).extract().jsonPath();
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals(1, published.getInt("content.revision"));
        HttpCaching.assertCachedWithETag("/api/issues/" + issueId, "application/json", HttpCaching.REVALIDATE);
    }

    /** As the consumers record an event. */
    private void record(DigestEvent event) {
        ledger.record(new ReceivedEvent<>(UUID.randomUUID().toString(), event));
    }
}

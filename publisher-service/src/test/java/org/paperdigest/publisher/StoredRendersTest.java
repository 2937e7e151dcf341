package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.ReceivedEvent;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.PublishedRevision;
import org.paperdigest.publisher.domain.RenderFormat;
import org.paperdigest.publisher.render.IssueMarkdown;
import org.paperdigest.publisher.service.IssueLedger;
import org.paperdigest.publisher.service.IssuePublication;
import org.paperdigest.publisher.service.IssueReader;
import org.paperdigest.publisher.service.IssueRenderer;
import org.paperdigest.testing.AdminCredentials;

/**
 * A published revision is rendered once, when it is stored: what is stored is what the renderers make of it, readers
 * are served those bytes (from memory once read), and only the admin re-render changes them.
 */
@QuarkusTest
class StoredRendersTest extends BrokerAndStoreTest {

    @Inject
    IssueLedger ledger;

    @Inject
    IssuePublication publication;

    @Inject
    IssueReader reader;

    @Inject
    IssueRenderer renderer;

    @Test
    void publicationStoresWhatTheRenderersMakeAndReadersAreServedIt() {
        String issueId = newTestIssue("render-once");
        publish(issueId);
        assertEquals(RenderFormat.values().length, store.storedRenders(issueId), "every form stored on publication");

        IssueContent content = reader.find(issueId).orElseThrow().content();
        List<PublishedRevision> revisions = reader.revisions(issueId);
        for (RenderFormat format : RenderFormat.values()) {
            assertEquals(renderer.render(format, content, revisions), store.storedRender(issueId, 1, format.name()),
                    format + " as a fresh render makes it");
        }
        assertEquals(IssueMarkdown.render(content), store.storedRender(issueId, 1, "MARKDOWN"));

        Map<String, RenderFormat> urls = Map.of(
                "/issues/" + issueId, RenderFormat.PAGE,
                "/issues/" + issueId + "/revisions/1", RenderFormat.REVISION_PAGE,
                "/issues/" + issueId + ".md", RenderFormat.MARKDOWN,
                "/issues/" + issueId + "/revisions/1.md", RenderFormat.MARKDOWN,
                "/api/issues/" + issueId + "/revisions/1", RenderFormat.JSON);
        urls.forEach((url, format) -> assertEquals(store.storedRender(issueId, 1, format.name()),
                given().get(url).then().statusCode(200).extract().asString(), url));
        assertTrue(given().get("/feed.atom").then().statusCode(200).extract().asString()
                .contains("/issues/" + issueId + "</id>"), "the feed was rendered again with the new issue");
    }

    @Test
    void aReadRevisionIsServedFromMemoryAndRevalidatedThere() {
        String issueId = newTestIssue("render-memory");
        publish(issueId);
        String url = "/issues/" + issueId;
        Response first = given().get(url);
        String etag = first.header("ETag");
        String page = first.then().statusCode(200).extract().asString();

        store.deleteStoredRenders(issueId);
        given().header("If-None-Match", etag).get(url).then().statusCode(304).header("ETag", etag);
        assertEquals(page, given().get(url).then().statusCode(200).header("ETag", etag).extract().asString());
    }

    @Test
    void memoryAnswersWithTheHeadersAndBytesOfTheDatabaseRead() {
        String issueId = newTestIssue("render-headers");
        publish(issueId);
        List<String> urls = List.of("/issues/" + issueId, "/issues/" + issueId + ".md",
                "/issues/" + issueId + "/revisions/1", "/issues/" + issueId + "/revisions/1.md",
                "/api/issues/" + issueId + "/revisions/1", "/api/issues/" + issueId, "/feed.atom");
        Map<String, Response> fromDatabase = new HashMap<>();
        urls.forEach(url -> fromDatabase.put(url, given().get(url)));

        store.deleteStoredRenders(issueId);
        for (String url : urls) {
            Response database = fromDatabase.get(url);
            Response memory = given().get(url);
            memory.then().statusCode(200);
            assertEquals(headers(database), headers(memory), url);
            assertEquals(database.asString(), memory.asString(), url);
            Response revalidated = given().header("If-None-Match", memory.header("ETag")).get(url);
            revalidated.then().statusCode(304);
            assertEquals(Map.of("Cache-Control", memory.header("Cache-Control"), "ETag", memory.header("ETag")),
                    headers(revalidated), url);
        }
    }

    @Test
    void storedBytesChangeOnlyThroughTheAdminRerender() {
        String issueId = newTestIssue("render-again");
        publish(issueId);
        String markdownUrl = "/issues/" + issueId + "/revisions/1.md";
        String stale = "# rendered by an earlier template\n";
        store.replaceStoredRenders(issueId, stale);
        Response before = given().get(markdownUrl);
        assertEquals(stale, before.then().statusCode(200).extract().asString(), "served as stored, not rendered");

        given().post("/api/admin/rerender").then().statusCode(401);
        given().header(AdminCredentials.HEADER, AdminCredentials.READER).post("/api/admin/rerender")
                .then().statusCode(403);
        int rendered = given().header(AdminCredentials.HEADER, AdminCredentials.ADMIN).post("/api/admin/rerender")
                .then().statusCode(200).extract().path("revisions");
        assertTrue(rendered >= 1, "at least this issue's revision: " + rendered);

        IssueContent content = reader.find(issueId).orElseThrow().content();
        Response after = given().get(markdownUrl);
        assertEquals(IssueMarkdown.render(content), after.then().statusCode(200).extract().asString());
        assertNotNull(after.header("ETag"));
        assertNotEquals(before.header("ETag"), after.header("ETag"));
        assertEquals(renderer.render(RenderFormat.PAGE, content, reader.revisions(issueId)),
                given().get("/issues/" + issueId).then().statusCode(200).extract().asString());
    }

    /** Every header by its name as sent, but the date and the length, which the body comparison covers. */
    private static Map<String, String> headers(Response response) {
        Map<String, String> headers = new TreeMap<>();
        response.headers().forEach(header -> headers.put(header.getName(), header.getValue()));
        headers.remove("Date");
        headers.remove("content-length");
        return headers;
    }

    /** Records the events of a one-paper issue as the consumers do, then publishes it. */
    private void publish(String issueId) {
        List<DigestEvent> events = List.of(TestEvents.plan(issueId, Instant.now(), TestEvents.goldenPlannedGpqa()),
                TestEvents.gpqaFetched(issueId), TestEvents.gpqaSummarized(issueId), TestEvents.gpqaAnswered(issueId));
        events.forEach(event -> ledger.record(new ReceivedEvent<>(UUID.randomUUID().toString(), event)));
        assertTrue(publication.publishIfComplete(issueId));
    }
}

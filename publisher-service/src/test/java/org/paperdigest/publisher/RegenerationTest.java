package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperdigest.publisher.KafkaEvents.record;
import static org.paperdigest.testing.Broker.newEventId;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.Generation;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.IssuePublished;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.events.RegenerationRequested;
import org.paperdigest.events.Stage;
import org.paperdigest.testing.AdminCredentials;
import org.paperdigest.testing.Broker;

/**
 * A published issue made again through the real broker and database: the request needs an admin, is recorded and
 * sent to the fetcher, the papers made again publish the next revision, the others are carried over from the
 * revision before, and every revision stays readable as it was published.
 */
@QuarkusTest
class RegenerationTest extends BrokerAndStoreTest {

    private static final String OTHER_MODEL = "qwen2.5:7b";
    private static final String HTML = "text/html;charset=UTF-8";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Test
    void regeneratingAPaperPublishesTheNextRevisionAndKeepsThePreviousOne() {
        String issueId = newTestIssue("regen");
        try (Broker broker = new Broker(bootstrapServers);
                ConsumerTask<String, String> requests = broker.observe(requestTopic());
                ConsumerTask<String, String> published = broker.observe(KafkaEvents.publishedTopic())) {
            publishFirstRevision(broker, issueId);
            String firstMarkdown = given().get("/issues/{id}.md", issueId).then().statusCode(200).extract().asString();
            JsonPath first = given().get("/api/issues/{id}/revisions/1", issueId).then().statusCode(200)
                    .extract().jsonPath();
            String regenerateGpqa = "/api/issues/{id}/papers/{key}/regenerate";

            admin().body("{\"model\":\"" + OTHER_MODEL + "\"}").post(regenerateGpqa, issueId, TestEvents.GPQA).then()
                    .statusCode(202)
                    .body("issueId", equalTo(issueId))
                    .body("revision", is(2))
                    .body("paperKeys", equalTo(List.of(TestEvents.GPQA)))
                    .body("model", equalTo(OTHER_MODEL));

            await().atMost(PATIENCE).until(() -> forIssue(requests, issueId).size() == 1);
            ConsumerRecord<String, String> sent = forIssue(requests, issueId).get(0);
            RegenerationRequested request = EventCodec.fromJson(sent.value(), EventType.REGENERATION_REQUESTED);
            assertEquals(new RegenerationRequested(2, issueId, 2, List.of(TestEvents.GPQA), OTHER_MODEL,
                    request.requestedAt()), request);
            assertEquals(EventType.REGENERATION_REQUESTED.ceType(), KafkaCompanion.getHeader(sent.headers(), "ce_type"));

            // While GPQA is made again, revision 1 is what readers get, and GPQA's progress starts over.
            JsonPath regenerating = given().get("/api/issues/{id}", issueId).then().statusCode(200).extract().jsonPath();
            assertEquals("REGENERATING", regenerating.getString("status"));
            assertEquals(1, regenerating.getInt("revision"));
            assertEquals(1, regenerating.getInt("content.revision"));
            assertEquals(2, regenerating.getInt("progress.done"));
            assertEquals("PENDING", regenerating.getString(row(TestEvents.GPQA) + ".fetch.status"));
            assertEquals(firstMarkdown, given().get("/issues/{id}.md", issueId).then().statusCode(200).extract().asString());
            admin().post("/api/issues/{id}/regenerate", issueId).then().statusCode(409)
                    .body("message", containsString("Revision 2 of issue " + issueId + " is being made"));

            // A late event for a paper that is not regenerated must not reach the new revision: PaSS is carried over.
            String lateId = newEventId();
            broker.send(
                    record(TestEvents.summarized(issueId, TestEvents.PASS, "後から届いた概要。", "後から。"), lateId));
            await().atMost(PATIENCE).until(() -> store.allProcessed(List.of(lateId)));

            // GPQA's outcomes made for revision 1, still in flight when the regeneration started, are not revision 2's.
            List<String> staleIds = List.of(newEventId(), newEventId());
            broker.send(
                    record(TestEvents.gpqaFetched(issueId), staleIds.get(0)),
                    record(TestEvents.gpqaSummarized(issueId), staleIds.get(1)));
            await().atMost(PATIENCE).until(() -> store.allProcessed(staleIds));
            JsonPath afterStale = given().get("/api/issues/{id}", issueId).then().statusCode(200).extract().jsonPath();
            assertEquals("PENDING", afterStale.getString(row(TestEvents.GPQA) + ".fetch.status"));
            assertEquals("PENDING", afterStale.getString(row(TestEvents.GPQA) + ".summarize.status"));
            assertEquals("REGENERATING", afterStale.getString("status"));

            makeGpqaAgain(broker, issueId);

            await().atMost(PATIENCE).until(() -> "PUBLISHED".equals(
                    given().get("/api/issues/{id}", issueId).jsonPath().getString("status")));
            await().atMost(PATIENCE).until(() -> forIssue(published, issueId).size() == 2);
            IssuePublished announced = EventCodec.fromJson(forIssue(published, issueId).get(1).value(),
                    EventType.ISSUE_PUBLISHED);
            assertEquals(new IssuePublished(1, issueId, 2, 3, 2, announced.publishedAt()), announced);
            assertEquals(2, store.revisions(issueId));

            JsonPath second = given().get("/api/issues/{id}/revisions/2", issueId).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(OTHER_MODEL, second.getString(row(TestEvents.GPQA) + ".summaryGeneration.model"));
            assertEquals(TestEvents.gpqaSummarized(issueId).generation().model(),
                    first.getString(row(TestEvents.GPQA) + ".summaryGeneration.model"));
            assertEquals(first.getMap(row(TestEvents.PASS)), second.getMap(row(TestEvents.PASS)), "PaSS carried over");
            assertEquals(first.getMap(row(TestEvents.MIRASOL)), second.getMap(row(TestEvents.MIRASOL)));
            given().get("/api/issues/{id}", issueId).then().statusCode(200)
                    .body("revision", is(2)).body("content.revision", is(2));

            // Revision 1 reads as it was published; the latest is the default.
            assertEquals(first.getMap("$"), given().get("/api/issues/{id}/revisions/1", issueId).jsonPath().getMap("$"));
            assertEquals(firstMarkdown, given().get("/issues/{id}/revisions/1.md", issueId).then().statusCode(200)
                    .contentType(containsString("text/markdown")).extract().asString());
            String latest = given().get("/issues/{id}.md", issueId).then().statusCode(200).extract().asString();
            assertEquals(latest, given().get("/issues/{id}/revisions/2.md", issueId).then().statusCode(200)
                    .extract().asString());
            assertNotEquals(firstMarkdown, latest);
            given().get("/api/issues/{id}/revisions/3", issueId).then().statusCode(404)
                    .body("message", containsString("has no published revision 3"));
            given().get("/issues/{id}/revisions/3.md", issueId).then().statusCode(404);
        }
    }

    @Test
    void eachRevisionHasAPageOfItsOwnThatCachesForGood() {
        String issueId = newTestIssue("regen-pages");
        try (Broker broker = new Broker(bootstrapServers)) {
            publishFirstRevision(broker, issueId);
            String firstPage = html(given().get("/issues/{id}/revisions/1", issueId));
            String firstModel = TestEvents.gpqaSummarized(issueId).generation().model();

            admin().post("/api/issues/{id}/papers/{key}/regenerate", issueId, TestEvents.GPQA).then().statusCode(202);
            makeGpqaAgain(broker, issueId);
            await().atMost(PATIENCE).until(() -> given().get("/api/issues/{id}", issueId).jsonPath()
                    .getInt("content.revision") == 2);

            // Revision 1 as it was published, byte for byte, also now that revision 2 is the latest.
            String revisionOne = "/issues/" + issueId + "/revisions/1";
            assertEquals(firstPage, html(given().get(revisionOne)), "a revision's page never changes");
            Document first = Jsoup.parse(firstPage);
            String firstPublished = MINUTE.format(Instant.parse(
                    given().get("/api" + revisionOne).jsonPath().getString("publishedAt")));
            assertEquals("この号の第1版（" + firstPublished + "公開）を公開時のまま掲載しています。最新版を読む",
                    first.getElementById("revision-note").text());
            assertEquals("/issues/" + issueId, first.selectFirst("#revision-note a").attr("href"));
            assertTrue(first.title().contains("（第1版）"), first.title());
            assertEquals(List.of(revisionOne + ".md", "/api" + revisionOne),
                    first.select(".issue-meta a").eachAttr("href"), "its Markdown and JSON are the same revision's");
            assertTrue(first.select("#revisions").isEmpty(), "a revision's page names no other revision");
            assertEquals(firstModel, generatedBy(first));

            Document latest = Jsoup.parse(html(given().get("/issues/{id}", issueId)));
            assertEquals(OTHER_MODEL, generatedBy(latest));
            assertTrue(latest.select("#revision-note").isEmpty(), "the latest page is not pinned to its revision");
            assertEquals(List.of("第1版（" + firstPublished + "公開）"), latest.select("#revisions li").eachText());
            assertEquals(List.of(revisionOne), latest.select("#revisions a").eachAttr("href"));
            assertEquals(List.of("/issues/" + issueId + ".md", "/api/issues/" + issueId),
                    latest.select(".issue-meta a").eachAttr("href"));
            Document revisionTwo = Jsoup.parse(html(given().get("/issues/{id}/revisions/2", issueId)));
            assertEquals(OTHER_MODEL, generatedBy(revisionTwo));

            HttpCaching.assertCachedWithETag(revisionOne, HTML, HttpCaching.IMMUTABLE);
            HttpCaching.assertCachedWithETag(revisionOne + ".md", "text/markdown;charset=UTF-8", HttpCaching.IMMUTABLE);
            HttpCaching.assertCachedWithETag("/api" + revisionOne, "application/json", HttpCaching.IMMUTABLE);
            HttpCaching.assertCachedWithETag("/issues/" + issueId, HTML, HttpCaching.REVALIDATE);
            HttpCaching.assertCachedWithETag("/issues/" + issueId + ".md", "text/markdown;charset=UTF-8",
                    HttpCaching.REVALIDATE);
            HttpCaching.assertCachedWithETag("/api/issues/" + issueId, "application/json", HttpCaching.REVALIDATE);

            // A revision that does not exist is a page saying so, with no cache header that would keep it.
            Response missing = given().get("/issues/{id}/revisions/3", issueId);
            missing.then().statusCode(404).contentType(HTML);
            assertTrue(!missing.headers().hasHeaderWithName("Cache-Control"), "a 404 is not cached for good");
            assertEquals("Issue " + issueId + " has no published revision 3; see /issues/" + issueId
                    + " for its latest", Jsoup.parse(missing.asString()).getElementById("error").text());
            given().get("/issues/{id}/revisions/1", TestEvents.newIssueId("never-planned")).then().statusCode(404).contentType(HTML);
            given().get("/issues/not-an-issue/revisions/1").then().statusCode(400).contentType(HTML);
            given().get("/issues/{id}/revisions/0", issueId).then().statusCode(404);
        }
    }

    @Test
    void regeneratingNeedsAnAdmin() {
        String issueId = newTestIssue("regen-auth");
        String url = "/api/issues/{id}/regenerate";
        given().post(url, issueId).then().statusCode(401).header("WWW-Authenticate", containsStringIgnoringCase("basic"));
        given().header(AdminCredentials.HEADER, AdminCredentials.WRONG_PASSWORD).post(url, issueId).then()
                .statusCode(401);
        given().header(AdminCredentials.HEADER, AdminCredentials.READER).post(url, issueId).then().statusCode(403);
        given().header(AdminCredentials.HEADER, AdminCredentials.READER)
                .post("/api/issues/{id}/papers/{key}/regenerate", issueId, TestEvents.GPQA).then().statusCode(403);
        // Reading stays public, whatever credentials a client sends along.
        given().header(AdminCredentials.HEADER, AdminCredentials.WRONG_PASSWORD).get("/api/issues").then()
                .statusCode(200);
        // The admin gets through to the issue, which nobody planned.
        admin().post(url, issueId).then().statusCode(404).body("message", containsString("No issue " + issueId));
        String operation = "paths.'/api/issues/{issueId}/papers/{paperKey}/regenerate'.post.responses";
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(operation + ".'401'.description", equalTo("No or wrong credentials"))
                .body(operation + ".'403'.description", equalTo("The user lacks the admin role"))
                .body(operation + ".'404'.description", equalTo("No such issue, or no such paper in it"));
    }

    @Test
    void onlyAPublishedIssueAndItsOwnPapersCanBeRegenerated() {
        String issueId = newTestIssue("regen-refused");
        try (Broker broker = new Broker(bootstrapServers)) {
            broker.send(record(plan(issueId), newEventId()));
            await().atMost(PATIENCE).until(() -> given().get("/api/issues/{id}", issueId).statusCode() == 200);
            admin().post("/api/issues/{id}/regenerate", issueId).then().statusCode(409)
                    .body("message", containsString("not published yet"));

            publishFirstRevision(broker, issueId);
            admin().post("/api/issues/{id}/papers/{key}/regenerate", issueId, "arxiv:2311.99999").then()
                    .statusCode(404).body("message", equalTo("Issue " + issueId + " has no paper arxiv:2311.99999"));
            admin().body("{\"model\":\"<script>\"}").post("/api/issues/{id}/regenerate", issueId).then()
                    .statusCode(400).body("message", containsString("\"model\" must be a model name"));
            admin().post("/api/issues/{id}/regenerate", "not-an-issue").then().statusCode(400);
            assertEquals(1, store.revisions(issueId));
            assertEquals("PUBLISHED", given().get("/api/issues/{id}", issueId).jsonPath().getString("status"));
        }
    }

    /** GPQA done, PaSS from its abstract with a failed summary, Mirasol3B failed to fetch: revision 1. */
    private void publishFirstRevision(Broker broker, String issueId) {
        broker.send(
                record(plan(issueId), newEventId()),
                record(TestEvents.gpqaFetched(issueId), newEventId()),
                record(TestEvents.gpqaSummarized(issueId), newEventId()),
                record(TestEvents.gpqaAnswered(issueId), newEventId()),
                record(TestEvents.passAbstractOnly(issueId), newEventId()),
                record(TestEvents.passAnsweredFromAbstract(issueId), newEventId()),
                record(TestEvents.failed(issueId, TestEvents.PASS, Stage.SUMMARIZE,
                        TestEvents.SUMMARIZE_REASON), newEventId()),
                record(TestEvents.mirasolFetchFailed(issueId), newEventId()));
        await().atMost(PATIENCE).until(() -> "PUBLISHED".equals(
                given().get("/api/issues/{id}", issueId).jsonPath().getString("status")));
    }

    private static IssuePlanned plan(String issueId) {
        return TestEvents.plan(issueId, Instant.parse("2023-11-27T09:00:00Z"),
                TestEvents.goldenPlannedGpqa(),
                TestEvents.planned(3, TestEvents.PASS, "Parallel Speculative Sampling"),
                TestEvents.planned(1, TestEvents.MIRASOL, "Mirasol3B"));
    }

    /** GPQA's events for revision 2, as the services send them after its regeneration with {@code OTHER_MODEL}. */
    private void makeGpqaAgain(Broker broker, String issueId) {
        broker.send(
                record(TestEvents.inRevision(TestEvents.gpqaFetched(issueId), 2), newEventId()),
                record(summarizedBy(OTHER_MODEL, issueId), newEventId()),
                record(TestEvents.inRevision(TestEvents.gpqaAnswered(issueId), 2), newEventId()));
    }

    private static PaperSummarized summarizedBy(String model, String issueId) {
        PaperSummarized golden = TestEvents.gpqaSummarized(issueId);
        Generation generation = golden.generation();
        return new PaperSummarized(PaperSummarized.SCHEMA_VERSION, issueId, golden.paperKey(), 2,
                golden.paperVersion(), golden.abstractJa(), golden.summaryJa(), golden.keyResultsJa(), new Generation(model, generation.promptVersion(), Instant.now(), generation.usage(),
                        generation.quality()));
    }

    private static String html(Response response) {
        return response.then().statusCode(200).contentType(HTML).extract().asString();
    }

    /** The model the GPQA section says made its summary. */
    private static String generatedBy(Document page) {
        return page.select("#paper-6 table.provenance tbody tr").first().select("td").first().text();
    }

    private static RequestSpecification admin() {
        return given().header(AdminCredentials.HEADER, AdminCredentials.ADMIN).contentType(ContentType.JSON);
    }

    private static String row(String paperKey) {
        return "papers.find { it.paperKey == '" + paperKey + "' }";
    }

    private static String requestTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.outgoing.regeneration-requests.topic", String.class);
    }


    private static List<ConsumerRecord<String, String>> forIssue(ConsumerTask<String, String> task, String issueId) {
        return task.getRecords().stream().filter(r -> issueId.equals(r.key())).toList();
    }
}

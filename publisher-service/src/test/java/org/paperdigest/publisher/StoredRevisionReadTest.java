package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.EventCodec;
import org.paperdigest.publisher.persistence.StoredRevisions;

/**
 * A revision stored in today's shape, written to the database as rows (no migration touches stored revisions),
 * reads through the service: the JSON API serves its content exactly as stored, and its page and Markdown are
 * served.
 */
@QuarkusTest
class StoredRevisionReadTest extends BrokerAndStoreTest {

    private static final Instant PUBLISHED_AT = Instant.parse("2023-11-27T09:12:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theJsonApiServesAStoredRevisionAsItIsStored() throws IOException {
        String issueId = newTestIssue("stored-golden");
        JsonNode content = StoredRevisions.golden();
        ((ObjectNode) content).put("issueId", issueId);
        String markdown = "# A revision as it was published\n";
        store.storePublishedRevision(issueId, EventCodec.toJson(TestEvents.fourPaperPlan(issueId, PUBLISHED_AT)),
                content.toString(), markdown, PUBLISHED_AT);

        assertEquals(content, JSON.readTree(given().get("/api/issues/{id}/revisions/1", issueId).then()
                .statusCode(200).extract().asString()));
        JsonNode issue = JSON.readTree(given().get("/api/issues/{id}", issueId).then().statusCode(200)
                .extract().asString());
        assertEquals(content, issue.get("content"));
        assertEquals(markdown, given().get("/issues/{id}.md", issueId).then().statusCode(200).extract().asString());
        List<String> sections = Jsoup.parse(given().get("/issues/{id}/revisions/1", issueId).then().statusCode(200)
                .extract().asString()).select("h2.paper-title").eachText();
        assertEquals(List.of("Mirasol3B", "PaSS: Parallel Speculative Sampling",
                "GPQA: A Graduate-Level Google-Proof Q&A Benchmark",
                "MedAgents: Large Language Models as Collaborators for Zero-shot Medical Reasoning"), sections);
    }
}

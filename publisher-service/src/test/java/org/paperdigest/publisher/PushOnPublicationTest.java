package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.ReceivedEvent;
import org.paperdigest.publisher.PushReceivers.Post;
import org.paperdigest.publisher.service.IssueLedger;
import org.paperdigest.publisher.service.IssuePublication;
import org.paperdigest.testing.PrometheusText;

/**
 * A published revision is pushed to every configured channel — three webhooks on a local HTTP server and one
 * subscriber on a real SMTP server — each exactly once, retried while a channel fails, without publication waiting
 * for any of them; the issue's JSON and the metrics tell how each went.
 */
@QuarkusTest
@WithTestResource(PushReceivers.class)
class PushOnPublicationTest extends BrokerAndStoreTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUMMARY = "専門家が作成した448問の難問からなるGoogle検索では解けないQAベンチマークGPQAを提案。";
    static final String EMAIL = "email:r…@example.org";

    @Inject
    IssueLedger ledger;

    @Inject
    IssuePublication publication;

    PushReceivers receivers;

    @Test
    void pushesTheRevisionToEveryChannelOnceRetryingFailuresWithoutDelayingPublication() throws Exception {
        String issueId = newTestIssue("push");
        List<DigestEvent> events = List.of(
                TestEvents.plan(issueId, Instant.parse("2023-11-27T09:00:00Z"), TestEvents.goldenPlannedGpqa()),
                TestEvents.gpqaFetched(issueId), TestEvents.gpqaSummarized(issueId), TestEvents.gpqaAnswered(issueId));
        events.forEach(event -> ledger.record(new ReceivedEvent<>(UUID.randomUUID().toString(), event)));

        // The team webhook holds its answer until released: publication must be done before that.
        assertTrue(publication.publishIfComplete(issueId));
        given().get("/api/issues/{id}", issueId).then().statusCode(200).body("status", is("PUBLISHED"));
        await().atMost(PATIENCE).until(() -> "SENDING".equals(deliveries(issueId).get("webhook:team").path("status")
                .asText()));
        receivers.releaseTeam();

        await().atMost(PATIENCE).until(() -> deliveries(issueId).values().stream()
                .allMatch(d -> List.of("DELIVERED", "FAILED").contains(d.path("status").asText())));
        Map<String, JsonNode> deliveries = deliveries(issueId);
        assertEquals(List.of(EMAIL, "webhook:down", "webhook:flaky", "webhook:team"),
                deliveries.keySet().stream().sorted().toList());
        assertDelivery(deliveries.get("webhook:team"), "DELIVERED", 1, null);
        assertDelivery(deliveries.get("webhook:flaky"), "DELIVERED", 2, "the webhook answered HTTP 500");
        assertDelivery(deliveries.get("webhook:down"), "FAILED", 3, "the webhook answered HTTP 503");
        assertDelivery(deliveries.get(EMAIL), "DELIVERED", 1, null);
        assertEquals(List.of(500, 200), receivers.posts("flaky").stream().map(Post::status).toList());
        for (String channel : List.of("webhook:team", "webhook:flaky", "webhook:down",
                "email:" + PushReceivers.SUBSCRIBER)) {
            assertEquals(1, store.pushDeliveries(issueId, channel), "one delivery recorded for " + channel);
        }

        JsonNode post = JSON.readTree(receivers.posts("team").get(0).body());
        String link = "http://localhost:8080/issues/" + issueId;
        String text = post.path("text").asText();
        assertTrue(text.startsWith("Top ML Papers of the Week (November 20 - November 26, 2023)（2023年11月20日〜2023年11月26日）"),
                text);
        assertTrue(text.contains("GPQA") && text.contains(SUMMARY) && text.endsWith(link), text);
        assertEquals(text, post.path("content").asText(), "short enough for Discord as it is");
        assertEquals("https://arxiv.org/abs/2311.12022v1", post.at("/issue/papers/0/url").asText());

        MimeMessage[] mails = receivers.smtp().getReceivedMessages();
        assertEquals(1, mails.length);
        assertEquals(PushReceivers.SUBSCRIBER, mails[0].getRecipients(Message.RecipientType.TO)[0].toString());
        assertTrue(mails[0].getSubject().startsWith("Top ML Papers of the Week"), mails[0].getSubject());
        Map<String, String> parts = parts(mails[0]);
        assertTrue(parts.get("text/plain").contains(SUMMARY) && parts.get("text/plain").contains(link), parts.toString());
        assertTrue(parts.get("text/html").contains("<a href=\"" + link + "\">"), parts.get("text/html"));
        assertTrue(parts.get("text/html").contains(SUMMARY), parts.get("text/html"));

        PrometheusText metrics = PrometheusText.parse(given().get("/q/metrics").asString());
        assertEquals(2, metrics.sum("paperdigest_push_deliveries_total", Map.of("channel", "webhook", "outcome", "delivered")));
        assertEquals(3, metrics.sum("paperdigest_push_deliveries_total", Map.of("channel", "webhook", "outcome", "retrying")));
        assertEquals(1, metrics.sum("paperdigest_push_deliveries_total", Map.of("channel", "webhook", "outcome", "failed")));
        assertEquals(1, metrics.sum("paperdigest_push_deliveries_total", Map.of("channel", "email", "outcome", "delivered")));

        // Published once, pushed once: a second publication attempt and further polls send nothing more.
        assertFalse(publication.publishIfComplete(issueId));
        Thread.sleep(Duration.ofSeconds(3).toMillis());
        assertEquals(1, receivers.posts("team").size());
        assertEquals(2, receivers.posts("flaky").size());
        assertEquals(3, receivers.posts("down").size());
        assertEquals(1, receivers.smtp().getReceivedMessages().length);
    }

    private static void assertDelivery(JsonNode delivery, String status, int attempts, String lastError) {
        assertEquals(status, delivery.path("status").asText(), delivery.toString());
        assertEquals(attempts, delivery.path("attempts").asInt(), delivery.toString());
        assertEquals(lastError, delivery.path("lastError").isNull() ? null : delivery.path("lastError").asText(),
                delivery.toString());
        assertEquals("DELIVERED".equals(status), !delivery.path("deliveredAt").isNull(), delivery.toString());
    }

    /** The published revision's deliveries from the issue's JSON, by channel. */
    private static Map<String, JsonNode> deliveries(String issueId) throws Exception {
        JsonNode issue = JSON.readTree(given().get("/api/issues/{id}", issueId).asString());
        Map<String, JsonNode> byChannel = new HashMap<>();
        issue.path("deliveries").forEach(d -> byChannel.put(d.path("channel").asText(), d));
        return byChannel;
    }

    /** Each part's text by its media type. */
    private static Map<String, String> parts(MimeMessage mail) throws Exception {
        MimeMultipart multipart = (MimeMultipart) mail.getContent();
        Map<String, String> parts = new HashMap<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            parts.put(part.getContentType().split(";")[0].strip().toLowerCase(), part.getContent().toString());
        }
        return parts;
    }
}

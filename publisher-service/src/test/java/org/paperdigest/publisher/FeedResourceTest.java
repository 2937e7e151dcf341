package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.ReceivedEvent;
import org.paperdigest.publisher.render.AtomFeeds;
import org.paperdigest.publisher.service.IssueLedger;
import org.paperdigest.publisher.service.IssuePublication;

/**
 * Two issues published one after the other into the real database: /feed.atom lists both, the later first, each
 * linking to its page and its Markdown; untrusted titles and summaries come back from Rome's parser unchanged.
 */
@QuarkusTest
class FeedResourceTest extends BrokerAndStoreTest {

    private static final String HOSTILE_TITLE = "<script>alert('feed')</script> & \"Friends\" ]]> &amp;";
    private static final String HOSTILE_SUMMARY = "<img src=x onerror=alert(1)> 要約 & <b>太字</b>";

    @Inject
    IssueLedger ledger;

    @Inject
    IssuePublication publication;

    @ConfigProperty(name = "paperdigest.publisher.public-url")
    String publicUrl;

    @Test
    void listsPublishedIssuesNewestFirstWithAbsoluteLinksAndEscapedText() {
        String older = newTestIssue("feed-older");
        String newer = newTestIssue("feed-newer");
        String unpublished = newTestIssue("feed-unpublished");
        publish(older, "Top ML Papers of the Week (November 20 - November 26, 2023)", "GPQA の一行要約。");
        publish(newer, HOSTILE_TITLE, HOSTILE_SUMMARY);
        ledger.record(received(TestEvents.plan(unpublished, Instant.now(), TestEvents.goldenPlannedGpqa())));

        String xml = given().get("/feed.atom").then().statusCode(200)
                .contentType(equalToIgnoringCase("application/atom+xml;charset=utf-8"))
                .extract().asString();
        Feed feed = AtomFeeds.parse(xml);

        List<String> ids = feed.getEntries().stream().map(Entry::getId).toList();
        String olderUrl = publicUrl + "/issues/" + older;
        String newerUrl = publicUrl + "/issues/" + newer;
        assertThat(ids, hasItems(newerUrl, olderUrl));
        assertThat("the later publication comes first", ids.indexOf(newerUrl), lessThan(ids.indexOf(olderUrl)));
        assertFalse(ids.contains(publicUrl + "/issues/" + unpublished), "an issue in progress has no entry");
        assertEquals(feed.getEntries().get(0).getUpdated(), feed.getUpdated());

        Entry entry = feed.getEntries().get(ids.indexOf(newerUrl));
        assertEquals(HOSTILE_TITLE, entry.getTitle());
        assertEquals(List.of("alternate text/html " + newerUrl, "alternate text/markdown " + newerUrl + ".md"),
                AtomFeeds.describe(entry.getAlternateLinks()));
        assertEquals("・GPQA: A Graduate-Level Google-Proof Q&A Benchmark: " + HOSTILE_SUMMARY,
                entry.getSummary().getValue());
        assertFalse(xml.contains("<script>") || xml.contains("<img"), "markup from a title or summary stays text");
        assertEquals("・GPQA: A Graduate-Level Google-Proof Q&A Benchmark: GPQA の一行要約。", summaryOf(feed, olderUrl));

        // The published HTML page is someone else's; the Markdown link must answer already.
        given().get(entry.getAlternateLinks().get(1).getHref().substring(publicUrl.length())).then().statusCode(200);
    }

    /** Records the events of a one-paper issue as the consumers do, then publishes it. */
    private void publish(String issueId, String title, String summary) {
        IssuePlanned plan = TestEvents.plan(issueId, Instant.now(), TestEvents.goldenPlannedGpqa());
        IssuePlanned titled = new IssuePlanned(plan.schemaVersion(), issueId, title, plan.weekStart(), plan.weekEnd(),
                plan.papers(), plan.plannedAt());
        List<DigestEvent> events = List.of(titled, TestEvents.gpqaFetched(issueId),
                TestEvents.summarized(issueId, TestEvents.GPQA, TestEvents.gpqaSummarized(issueId).abstractJa(), summary),
                TestEvents.gpqaAnswered(issueId));
        events.forEach(event -> ledger.record(received(event)));
        assertTrue(publication.publishIfComplete(issueId));
    }

    private static ReceivedEvent<DigestEvent> received(DigestEvent event) {
        return new ReceivedEvent<>(UUID.randomUUID().toString(), event);
    }

    private static String summaryOf(Feed feed, String entryId) {
        return feed.getEntries().stream().filter(entry -> entry.getId().equals(entryId)).findFirst().orElseThrow()
                .getSummary().getValue();
    }
}

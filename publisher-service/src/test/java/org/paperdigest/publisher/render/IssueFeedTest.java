package org.paperdigest.publisher.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperdigest.publisher.TestEvents.FETCH_REASON;
import static org.paperdigest.publisher.TestEvents.GPQA;
import static org.paperdigest.publisher.TestEvents.MIRASOL;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.publisher.TestEvents;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.IssueAssembler;
import org.paperdigest.publisher.domain.PaperRecord;

/** The Atom feed as Rome's parser reads it back: required elements, absolute links, text that stays text. */
class IssueFeedTest {

    private static final String ISSUE = "custom-unit-feed";
    private static final Instant PUBLISHED_AT = Instant.parse("2023-11-27T09:12:00Z");

    @Test
    void anEmptyFeedIsStillAValidFeedThatNeverChanges() {
        String xml = IssueFeed.render(List.of(), "https://digest.example.org");
        Feed feed = AtomFeeds.parse(xml);

        assertEquals("https://digest.example.org/feed.atom", feed.getId());
        assertEquals(IssueFeed.TITLE, feed.getTitle());
        assertEquals(List.of(IssueFeed.TITLE), feed.getAuthors().stream().map(author -> author.getName()).toList());
        assertEquals(Date.from(Instant.EPOCH), feed.getUpdated());
        assertEquals(List.of("alternate text/html https://digest.example.org/"),
                AtomFeeds.describe(feed.getAlternateLinks()));
        assertEquals(List.of("self application/atom+xml https://digest.example.org/feed.atom"),
                AtomFeeds.describe(feed.getOtherLinks()));
        assertTrue(feed.getEntries().isEmpty());
        assertEquals(xml, IssueFeed.render(List.of(), "https://digest.example.org"));
    }

    @Test
    void anEntryListsEveryPaperWithItsOneLineSummaryOrWhyItHasNone() {
        // A trailing slash on the public URL must not double the slashes of the links.
        Feed feed = AtomFeeds.parse(IssueFeed.render(List.of(issue("要約\u0000に制御文字")), "http://localhost:8080/"));

        Entry entry = feed.getEntries().get(0);
        assertEquals("http://localhost:8080/issues/" + ISSUE, entry.getId());
        assertEquals("Top ML Papers of the Week (November 20 - November 26, 2023)", entry.getTitle());
        assertEquals(Date.from(PUBLISHED_AT), entry.getUpdated());
        assertEquals(Date.from(PUBLISHED_AT), feed.getUpdated());
        assertEquals(List.of(
                "alternate text/html http://localhost:8080/issues/" + ISSUE,
                "alternate text/markdown http://localhost:8080/issues/" + ISSUE + ".md"),
                AtomFeeds.describe(entry.getAlternateLinks()));
        Content summary = entry.getSummary();
        assertEquals(Content.TEXT, summary.getType());
        // NUL cannot be carried by XML at all: it is dropped, the rest of the text stays as it was.
        assertEquals("・Mirasol3B: （論文を取得できませんでした）\n"
                + "・GPQA: A Graduate-Level Google-Proof Q&A Benchmark: 要約に制御文字", summary.getValue());
    }

    private static IssueContent issue(String gpqaSummary) {
        PaperSummarized golden = TestEvents.gpqaSummarized(ISSUE);
        IssuePlanned plan = TestEvents.plan(ISSUE, PUBLISHED_AT,
                TestEvents.goldenPlannedGpqa(), TestEvents.planned(1, MIRASOL, "Mirasol3B"));
        Map<String, PaperRecord> records = Map.of(
                GPQA, new PaperRecord(GPQA, TestEvents.gpqaFetched(ISSUE),
                        TestEvents.summarized(ISSUE, GPQA, golden.abstractJa(), gpqaSummary),
                        TestEvents.gpqaAnswered(ISSUE), null, null, null),
                MIRASOL, new PaperRecord(MIRASOL, null, null, null, FETCH_REASON, null, null));
        return IssueAssembler.assemble(plan, records, 1, PUBLISHED_AT);
    }
}

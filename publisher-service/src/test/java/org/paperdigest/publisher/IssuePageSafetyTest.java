package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Category;
import org.paperdigest.events.ContentLevel;
import org.paperdigest.events.Evidence;
import org.paperdigest.events.EventType;
import org.paperdigest.events.GoldenSamples;
import org.paperdigest.events.Link;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperMetadata;
import org.paperdigest.events.PlannedPaper;
import org.paperdigest.events.QuestionAnswer;
import org.paperdigest.events.Stage;

/**
 * Script payloads in every text a paper or an LLM supplies reach the page as text: no script element, event
 * handler or URL of theirs gets out of its text or attribute, and every HTML page carries the security headers.
 * (The contract refuses URLs other than http(s) at the door; {@code rest.IssuePageTemplateSafetyTest} shows the page
 * would not link them either.)
 */
@QuarkusTest
class IssuePageSafetyTest extends BrokerAndStoreTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String BREAKOUT = "\"><img src=x onerror=alert(1)>";
    /** An http(s) URL that the contract lets through, made to break out of an attribute. */
    private static final String QUOTING_URL = "https://example.org/?a=1&b='onmouseover='alert(1)";

    @Test
    void payloadsInPaperAndLlmTextStayText() {
        String issueId = newTestIssue("safety");
        String key = TestEvents.MEDAGENTS;
        PlannedPaper planned = new PlannedPaper(1, key, "List " + SCRIPT, "row",
                List.of(new Link("Paper", QUOTING_URL)));
        PlannedPaper failing = new PlannedPaper(2, TestEvents.MIRASOL, "Failing " + BREAKOUT, "row",
                List.of(new Link("Paper", QUOTING_URL)));
        PaperMetadata metadata = new PaperMetadata("Title " + SCRIPT + BREAKOUT, List.of("Author " + BREAKOUT),
                "English abstract " + SCRIPT + " $x^2$ " + BREAKOUT, null, null,
                List.of(new Category("cs.CL", "Category " + SCRIPT)), QUOTING_URL, QUOTING_URL,
                null, null, null);
        PaperAnswered golden = GoldenSamples.read(EventType.PAPER_ANSWERED);
        PaperAnswered answered = new PaperAnswered(PaperAnswered.SCHEMA_VERSION, issueId, key, 1, "v1",
                List.of(new QuestionAnswer(
                "Question " + SCRIPT, "Answer " + BREAKOUT, true,
                List.of(new Evidence("Quote " + SCRIPT + BREAKOUT, 2, "Section " + BREAKOUT)))), golden.generation());
        IssueEvents.send(bootstrapServers,
                TestEvents.plan(issueId, Instant.parse("2023-11-27T09:00:00Z"), planned, failing),
                TestEvents.fetched(issueId, key, metadata, ContentLevel.ABSTRACT_ONLY, List.of("Note " + SCRIPT)),
                TestEvents.summarized(issueId, key, "日本語の概要 " + SCRIPT + BREAKOUT, "一行 " + BREAKOUT),
                answered,
                TestEvents.failed(issueId, TestEvents.MIRASOL, Stage.FETCH, "Reason " + SCRIPT + BREAKOUT));
        IssueEvents.awaitProgress(issueId, "PUBLISHED", 2, PATIENCE);

        Response response = given().get("/issues/{id}", issueId);
        response.then().statusCode(200);
        PageSafety.assertSecurityHeaders(response);
        Document page = Jsoup.parse(response.asString());
        PageSafety.assertNothingExecutable(page);

        Element paper = page.getElementById("paper-1");
        assertEquals("Title " + SCRIPT + BREAKOUT, paper.selectFirst("h2").text());
        assertEquals(QUOTING_URL, paper.selectFirst("h2 a").attr("href"), "the quotes stay inside the attribute");
        assertEquals("日本語の概要 " + SCRIPT + BREAKOUT, paper.selectFirst(".abstract-ja").text());
        assertEquals("English abstract " + SCRIPT + " $x^2$ " + BREAKOUT,
                paper.selectFirst(".abstract-en div").text());
        assertEquals("Q1: Question " + SCRIPT, paper.selectFirst(".question").text());
        assertEquals("A: Answer " + BREAKOUT, paper.selectFirst(".answer").text());
        assertEquals("“Quote " + SCRIPT + BREAKOUT + "”", paper.selectFirst("blockquote").text());
        assertEquals("(p. 2, Section " + BREAKOUT + ")", paper.selectFirst(".where a").text());
        assertEquals(QUOTING_URL + "#page=2", paper.selectFirst(".where a").attr("href"));
        assertTrue(page.select("#failures li").text().contains("Reason " + SCRIPT + BREAKOUT));

        Response progress = given().get("/issues/{id}", planOnly());
        PageSafety.assertSecurityHeaders(progress);
        PageSafety.assertNothingExecutable(Jsoup.parse(progress.asString()));
        Response home = given().get("/");
        PageSafety.assertSecurityHeaders(home);
        PageSafety.assertNothingExecutable(Jsoup.parse(home.asString()));
    }

    /** An issue still in progress whose plan carries the payloads, for the progress page. */
    private String planOnly() {
        String issueId = newTestIssue("safety-progress");
        IssueEvents.send(bootstrapServers, TestEvents.plan(issueId, Instant.parse("2023-11-27T09:00:00Z"),
                new PlannedPaper(1, TestEvents.PASS, "Planned " + SCRIPT + BREAKOUT, "row", List.of())));
        IssueEvents.awaitProgress(issueId, "PLANNED", 0, PATIENCE);
        Document page = Jsoup.parse(given().get("/issues/{id}", issueId).asString());
        assertEquals("Planned " + SCRIPT + BREAKOUT, page.selectFirst("#stage-1 td:nth-child(2)").text());
        return issueId;
    }
}

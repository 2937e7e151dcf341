package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.paperdigest.events.Category;
import org.paperdigest.events.ContentLevel;
import org.paperdigest.events.Evidence;
import org.paperdigest.events.EventType;
import org.paperdigest.events.GoldenSamples;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.Link;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperMetadata;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.events.PlannedPaper;
import org.paperdigest.events.QuestionAnswer;
import org.paperdigest.events.ResourceLink;
import org.paperdigest.events.Stage;
import org.paperdigest.testing.Browser;

/**
 * Script payloads in every text a paper or an LLM supplies reach the page as text: no script element, event
 * handler or URL of theirs gets out of its text or attribute, and every HTML page carries the security headers.
 * Each payload would both open a dialog and set {@value #SENTINEL}; a real browser shows that neither happens.
 * (The contract refuses URLs other than http(s) at the door; {@code rest.IssuePageTemplateSafetyTest} shows the page
 * would not link them either.)
 */
@QuarkusTest
class IssuePageSafetyTest extends BrokerAndStoreTest {

    private static final String SENTINEL = "window.__pd_pwned";
    private static final String SCRIPT = "<script>alert('script');" + SENTINEL + "=1</script>";
    private static final String BREAKOUT = "\"><img src=x onerror=\"alert('img');" + SENTINEL + "=1\">";
    private static final String TITLE_BREAKOUT = "</title><script>alert('title');" + SENTINEL + "=1</script>";
    private static final String HANDLERS = "<svg onload=\"alert('svg');" + SENTINEL + "=1\"></svg>"
            + "<details open ontoggle=\"alert('toggle');" + SENTINEL + "=1\">x</details>";
    private static final String JAVASCRIPT_URLS = "<a href=\"javascript:alert('link');" + SENTINEL + "=1\">link</a>"
            + "<iframe src=\"javascript:alert('frame');" + SENTINEL + "=1\"></iframe>";
    private static final String MARKDOWN_MIX = "**bold** [link](javascript:alert('md');" + SENTINEL + "=1) "
            + "<b onmouseover=\"alert('md');" + SENTINEL + "=1\">`code`</b>";
    /** Every text payload, each of which the page must show as it is. */
    private static final List<String> PAYLOADS = List.of(SCRIPT, BREAKOUT, TITLE_BREAKOUT, HANDLERS, JAVASCRIPT_URLS,
            MARKDOWN_MIX);
    /** An http(s) URL that the contract lets through, made to break out of an attribute. */
    private static final String QUOTING_URL = "https://example.org/?a=1&b='onmouseover='alert(1);" + SENTINEL + "=1";
    private static final String ISSUE_TITLE = "Digest " + TITLE_BREAKOUT;

    @TestHTTPResource("/issues/")
    URL issuePages;

    @Test
    void payloadsInPaperAndLlmTextStayText() {
        String issueId = publishPayloads("safety");

        Response response = given().get("/issues/{id}", issueId);
        response.then().statusCode(200);
        PageSafety.assertSecurityHeaders(response);
        Document page = Jsoup.parse(response.asString());
        PageSafety.assertNothingExecutable(page);

        assertEquals(ISSUE_TITLE + " | Paper Digest", page.title());
        assertEquals(ISSUE_TITLE, page.selectFirst("h1").text());
        Element paper = page.getElementById("paper-1");
        assertEquals("Title " + SCRIPT + BREAKOUT, paper.selectFirst("h2").text());
        assertEquals(QUOTING_URL, paper.selectFirst("h2 a").attr("href"), "the quotes stay inside the attribute");
        assertEquals("日本語の概要 " + SCRIPT + BREAKOUT, paper.selectFirst(".abstract-ja").text());
        assertEquals("English abstract " + SCRIPT + " $x^2$ " + BREAKOUT,
                paper.selectFirst(".abstract-en div").text());
        assertEquals("Category " + JAVASCRIPT_URLS, paper.selectFirst(".categories").text());
        assertEquals("Q1: Question " + SCRIPT, paper.selectFirst(".question").text());
        assertEquals("A: Answer " + BREAKOUT, paper.selectFirst(".answer").text());
        assertEquals("“Quote " + SCRIPT + BREAKOUT + "”", paper.selectFirst(".qa-item blockquote").text());
        assertEquals("(p. 2, Section " + BREAKOUT + ")", paper.selectFirst(".where a").text());
        assertEquals(QUOTING_URL + "#page=2", paper.selectFirst(".where a").attr("href"));
        assertEquals("一行 " + BREAKOUT, page.selectFirst("#papers .summary").text());
        assertEquals(List.of("Result " + MARKDOWN_MIX, "Result " + SCRIPT), paper.select("h2 + .key-results li").eachText());
        assertEquals(List.of("Result " + MARKDOWN_MIX, "Result " + SCRIPT),
                page.select("#papers .key-results li").eachText());
        assertEquals("“Link " + HANDLERS + BREAKOUT + "” (p. 3)", paper.selectFirst(".link-sentence").text());
        assertEquals(QUOTING_URL, paper.select(".links a").last().attr("href"), "the quotes stay inside the attribute");
        // Notes and failure reasons are the services' English: readers get them in Japanese, the JSON as they are.
        assertEquals(List.of("抽出に関する注記があります（詳細はJSONを参照）", "抽出に関する注記があります（詳細はJSONを参照）"),
                paper.select(".generation-info .extraction-notes li").eachText());
        assertFalse(page.text().contains("Reason "), "the English reason stays in the JSON");

        Response progress = given().get("/issues/{id}", planOnly());
        PageSafety.assertSecurityHeaders(progress);
        PageSafety.assertNothingExecutable(Jsoup.parse(progress.asString()));
        Response home = given().get("/");
        PageSafety.assertSecurityHeaders(home);
        PageSafety.assertNothingExecutable(Jsoup.parse(home.asString()));
    }

    /**
     * The same page in headless Chromium, as a reader gets it: after it loaded, and again after every toggle was
     * opened (so that hidden text is rendered too), no dialog is open, the sentinel is unset, the console has no
     * error (a script the Content-Security-Policy refused would be one), and every payload reads as plain text.
     */
    @Test
    void aBrowserShowsThePayloadsAndRunsNoneOfThem() {
        String issueId = publishPayloads("safety-browser");
        try (Browser browser = Browser.start()) {
            browser.open(issuePages + issueId);
            assertNothingRan(browser, "after the page loaded");
            List<WebElement> toggles = browser.all("details:not([open])");
            assertFalse(toggles.isEmpty(), "the page has toggles to open");
            toggles.forEach(browser::expand);
            assertNothingRan(browser, "after every <details> was opened");

            String text = browser.first("body").getText();
            for (String payload : PAYLOADS) {
                assertTrue(text.contains(payload), "the page shows " + payload + " as text");
            }
            assertEquals(ISSUE_TITLE + " | Paper Digest", browser.evaluate("return document.title"));
            assertEquals(QUOTING_URL, browser.first("#paper-1 h2 a").getDomAttribute("href"));
            assertEquals(List.of(), browser.consoleErrors(), "no console errors");
        }
    }

    private static void assertNothingRan(Browser browser, String when) {
        assertEquals(Optional.empty(), browser.openDialog(), "no dialog is open " + when);
        assertEquals("undefined", browser.evaluate("return typeof " + SENTINEL), "the sentinel is unset " + when);
    }

    /** A published issue whose every text a paper or an LLM supplies carries a payload. */
    private String publishPayloads(String purpose) {
        String issueId = newTestIssue(purpose);
        String key = TestEvents.MEDAGENTS;
        PlannedPaper planned = new PlannedPaper(1, key, "List " + SCRIPT, "row",
                List.of(new Link("Paper", QUOTING_URL)));
        PlannedPaper failing = new PlannedPaper(2, TestEvents.MIRASOL, "Failing " + BREAKOUT, "row",
                List.of(new Link("Paper", QUOTING_URL)));
        IssuePlanned plan = TestEvents.plan(issueId, Instant.parse("2023-11-27T09:00:00Z"), planned, failing);
        PaperMetadata metadata = new PaperMetadata("Title " + SCRIPT + BREAKOUT, List.of("Author " + BREAKOUT),
                "English abstract " + SCRIPT + " $x^2$ " + BREAKOUT, null, null,
                List.of(new Category("cs.CL", "Category " + JAVASCRIPT_URLS)), QUOTING_URL, QUOTING_URL,
                null, null, null);
        PaperAnswered golden = GoldenSamples.read(EventType.PAPER_ANSWERED);
        PaperAnswered answered = new PaperAnswered(PaperAnswered.SCHEMA_VERSION, issueId, key, 1, "v1",
                List.of(new QuestionAnswer("Question " + SCRIPT, "Answer " + BREAKOUT, true,
                        List.of(new Evidence("Quote " + SCRIPT + BREAKOUT, 2, "Section " + BREAKOUT)))),
                golden.generation());
        IssueEvents.send(bootstrapServers,
                new IssuePlanned(plan.schemaVersion(), issueId, ISSUE_TITLE, plan.weekStart(), plan.weekEnd(),
                        plan.papers(), plan.plannedAt()),
                withLink(TestEvents.fetched(issueId, key, metadata, ContentLevel.ABSTRACT_ONLY,
                        List.of("Note " + HANDLERS, "Note " + MARKDOWN_MIX))),
                withKeyResults(TestEvents.summarized(issueId, key, "日本語の概要 " + SCRIPT + BREAKOUT, "一行 " + BREAKOUT)),
                answered,
                TestEvents.failed(issueId, TestEvents.MIRASOL, Stage.FETCH, "Reason " + SCRIPT + BREAKOUT));
        IssueEvents.awaitProgress(issueId, "PUBLISHED", 2, PATIENCE);
        return issueId;
    }

    private static PaperFetched withLink(PaperFetched f) {
        return new PaperFetched(f.schemaVersion(), f.issueId(), f.paperKey(), f.revision(), f.model(),
                f.paperVersion(), f.metadata(), f.contentLevel(), f.fullText(), f.notes(), f.sourceUrls(),
                f.fetchedAt(), List.of(new ResourceLink(QUOTING_URL, "Link " + HANDLERS + BREAKOUT, 3)),
                f.flaggedPassages());
    }

    private static PaperSummarized withKeyResults(PaperSummarized s) {
        return new PaperSummarized(s.schemaVersion(), s.issueId(), s.paperKey(), s.revision(), s.paperVersion(),
                s.abstractJa(), s.summaryJa(), List.of("Result " + MARKDOWN_MIX, "Result " + SCRIPT), s.generation());
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

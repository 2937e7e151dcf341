package org.paperdigest.publisher;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.Stage;

/**
 * The issue page read as a browser gets it: the progress page while papers are processed, then the published
 * page built from the stored revision, its caching, and the home page.
 */
@QuarkusTest
class IssuePageTest extends BrokerAndStoreTest {

    private static final String HTML = "text/html;charset=UTF-8";

    @Test
    void showsProgressUntilPublishedThenTheIssue() {
        String issueId = newTestIssue("page");
        IssuePlanned plan = TestEvents.plan(issueId, Instant.parse("2023-11-27T09:00:00Z"),
                TestEvents.goldenPlannedGpqa(),
                TestEvents.planned(3, TestEvents.PASS, "Parallel Speculative Sampling"),
                TestEvents.planned(1, TestEvents.MIRASOL, "Mirasol3B"));
        IssueEvents.send(bootstrapServers, plan, TestEvents.mirasolFetchFailed(issueId),
                TestEvents.passAbstractOnly(issueId),
                TestEvents.failed(issueId, TestEvents.PASS, Stage.SUMMARIZE, TestEvents.SUMMARIZE_REASON),
                TestEvents.passAnsweredFromAbstract(issueId));
        IssueEvents.awaitProgress(issueId, "IN_PROGRESS", 2, PATIENCE);

        assertProgressPage(issueId);

        PaperFetched gpqa = TestEvents.gpqaFetched(issueId);
        IssueEvents.send(bootstrapServers, gpqa, TestEvents.gpqaSummarized(issueId),
                TestEvents.gpqaAnswered(issueId));
        IssueEvents.awaitProgress(issueId, "PUBLISHED", 3, PATIENCE);

        Document page = Jsoup.parse(given().get("/issues/{id}", issueId).then().statusCode(200)
                .contentType(HTML).extract().asString());
        assertPaperList(page);
        assertGpqaSection(page.getElementById("paper-6"), gpqa);
        assertPassSection(page.getElementById("paper-3"));
        assertEquals("※ この論文は取得できなかったため、内容を掲載できません。理由:"
                + "論文を取得できませんでした（arXivにこの論文が見つかりませんでした）。詳細はJSONを参照してください",
                page.select("#paper-1 .note").text());
        assertEquals(List.of("Mirasol3B（論文の取得 FETCH）:"
                        + "論文を取得できませんでした（arXivにこの論文が見つかりませんでした）。詳細はJSONを参照してください",
                        "Parallel Speculative Sampling（概要の翻訳・要約 SUMMARIZE）:"
                        + "概要の翻訳・要約を生成できませんでした（生成結果が検証を通りませんでした）。詳細はJSONを参照してください"),
                page.select("#failures li").eachText());
        assertNoDiagnosticsOutsideTheGenerationDetails(page);
        // The English reasons and drop reasons an operator acts on stay in the JSON.
        String json = given().get("/api/issues/{id}", issueId).asString();
        for (String english : List.of(TestEvents.FETCH_REASON, "duplicate of another question",
                "the PDF could not be downloaded (HTTP 503)")) {
            assertTrue(json.contains(english), english);
        }
        assertTrue(page.selectFirst(".issue-meta").text().startsWith("作成日:"), "a custom issue names no week");
        assertFalse(page.selectFirst("#issue").text().contains("対象週"));
        assertOwnFilesLoad(page);

        HttpCaching.assertCachedWithETag("/issues/" + issueId, HTML, HttpCaching.REVALIDATE);
        HttpCaching.assertCachedWithETag("/issues/" + issueId + ".md", "text/markdown;charset=UTF-8",
                HttpCaching.REVALIDATE);
        HttpCaching.assertCachedWithETag("/api/issues/" + issueId, "application/json", HttpCaching.REVALIDATE);
        assertTrue(Jsoup.parse(given().get("/issues/{id}", issueId).asString()).select("#revisions").isEmpty(),
                "a first revision lists no earlier ones");
        assertHomeShowsLatestAndLinksAll(issueId);
    }

    private void assertProgressPage(String issueId) {
        Response response = given().get("/issues/{id}", issueId);
        response.then().statusCode(200).contentType(HTML).header("Cache-Control", "no-store");
        assertFalse(response.headers().hasHeaderWithName("ETag"), "a page in progress is not cacheable");
        Document page = Jsoup.parse(response.asString());
        assertEquals("2/3", page.getElementById("progress-count").text());
        Element main = page.getElementById("progress");
        assertEquals("/api/issues/" + issueId, main.attr("data-poll"));
        assertEquals(stateKeyAsProgressJsComputesIt(given().get("/api/issues/{id}", issueId).jsonPath()),
                main.attr("data-state"), "the script sees no change until something moves");
        assertEquals(List.of("/static/progress.js"), page.select("script").eachAttr("src"));
        assertEquals(List.of("stage-failed", "stage-skipped", "stage-skipped"), stageClasses(page, 1));
        assertTrue(page.select("#stage-1 .reason").text().contains(TestEvents.FETCH_REASON));
        assertEquals(List.of("stage-done", "stage-failed", "stage-done"), stageClasses(page, 3));
        assertEquals(List.of("stage-pending", "stage-pending", "stage-pending"), stageClasses(page, 6));
        assertEquals("待機中", page.select("#stage-6 td.stage").first().text());
    }

    /** The page's state key as progress.js computes it from the JSON: status, then each paper's stage initials. */
    private static String stateKeyAsProgressJsComputesIt(JsonPath issue) {
        List<String> papers = issue.getList("papers.collect { it.fetch.status[0] + it.summarize.status[0]"
                + " + it.answer.status[0] }");
        return issue.getString("status") + ":" + String.join(",", papers);
    }

    private static List<String> stageClasses(Document page, int position) {
        return page.select("#stage-" + position + " td.stage").stream()
                .map(cell -> cell.classNames().stream().filter(name -> name.startsWith("stage-")).findFirst()
                        .orElse(""))
                .toList();
    }

    private static void assertPaperList(Document page) {
        Element list = page.getElementById("papers");
        assertTrue(list.elementSiblingIndex() < page.getElementById("paper-1").elementSiblingIndex(),
                "the list of papers comes before the papers");
        Elements items = list.select("li");
        assertEquals(List.of("#paper-1", "#paper-3", "#paper-6"), items.select("a").eachAttr("href"));
        assertEquals("（論文を取得できませんでした）", items.get(0).selectFirst(".summary").text());
        assertEquals("発行日:2023年11月20日", items.get(2).selectFirst(".date").text());
        assertEquals(TestEvents.gpqaSummarized("x").summaryJa(), items.get(2).selectFirst(".summary").text());
        assertEquals(TestEvents.gpqaSummarized("x").keyResultsJa(), items.get(2).select(".key-results li").eachText());
    }

    private static void assertGpqaSection(Element gpqa, PaperFetched fetched) {
        Element title = gpqa.selectFirst("h2 a");
        assertEquals(fetched.metadata().title(), title.text());
        assertEquals(fetched.metadata().url(), title.attr("href"));
        assertEquals(String.join(", ", fetched.metadata().authors()), gpqa.selectFirst(".authors").text());
        assertEquals("2023年11月20日", gpqa.selectFirst(".published").text());
        assertEquals("Artificial Intelligence, Computation and Language", gpqa.selectFirst(".categories").text());
        assertEquals(TestEvents.gpqaSummarized("x").abstractJa(), gpqa.selectFirst(".abstract-ja").text());
        Element english = gpqa.getElementById("paper-6-abstract-en");
        assertEquals("details", english.tagName());
        assertFalse(english.hasAttr("open"), "the English abstract is behind its toggle");
        assertEquals(fetched.metadata().abstractText(), english.selectFirst("div").text());

        assertEquals(TestEvents.gpqaSummarized("x").keyResultsJa(),
                gpqa.selectFirst("h2 + ul.key-results").select("li").eachText(), "key results stand under the title");
        Element links = gpqa.getElementById("paper-6-links");
        assertEquals(List.of(fetched.metadata().url(), fetched.metadata().pdfUrl(), "https://github.com/idavidrein/gpqa"),
                links.select("a").eachAttr("href"));
        assertEquals("“We release the dataset at https://github.com/idavidrein/gpqa.” (p. 1)",
                links.selectFirst(".link-sentence").text());
        assertEquals(List.of("論文ページ", "PDF", "コード"), links.select(".link-label").eachText());

        Elements answers = gpqa.select(".qa-item");
        assertEquals(2, answers.size());
        Element evidence = gpqa.getElementById("paper-6-q1-evidence");
        assertTrue(evidence.parents().stream().noneMatch(parent -> parent.tagName().equals("details")),
                "the first quote is shown without a toggle");
        assertTrue(evidence.select("details.more-evidence").isEmpty(), "one quote: no toggle for more");
        assertEquals("“a challenging dataset of 448 multiple-choice questions written by domain experts in biology,"
                + " physics, and chemistry”", evidence.selectFirst("blockquote").text());
        Element pdfPage = evidence.selectFirst("a.pdf-page");
        assertEquals("https://arxiv.org/pdf/2311.12022v1#page=1", pdfPage.attr("href"));
        assertEquals("(p. 1)", pdfPage.text());
        assertEquals("A: 論文中に記載がありません", answers.get(1).selectFirst(".answer").text());
        assertEquals(List.of("※ 各分野の問題数は論文中に記載がありません"), answers.get(0).select(".gap").eachText());
        assertEquals(List.of(), answers.get(1).select(".gap").eachText());
        assertTrue(answers.get(1).select("details").isEmpty(), "an answer the paper does not give has no evidence");

        Element details = gpqa.getElementById("paper-6-generation");
        assertEquals("details", details.tagName());
        assertFalse(details.hasAttr("open"), "the generation details are collapsed");
        assertEquals("生成情報", details.selectFirst("summary").text());
        List<List<String>> provenance = details.select("table.provenance tbody tr").stream()
                .map(row -> row.select("th, td").eachText()).toList();
        assertEquals(List.of("概要・要約・主な結果", "gpt-4o-mini", "summary-v2", "2023-11-27 09:01 UTC", "入力812・出力406",
                "保護箇所4件一致・再依頼0回・主な結果3件掲載・除外0件"), provenance.get(0));
        assertEquals(List.of("Q&A", "gpt-4o-mini", "qa-v2", "2023-11-27 09:01 UTC", "入力31240・出力406",
                "質問4件中2件掲載・除外2件・再依頼1回・引用1件照合"), provenance.get(1));
        assertEquals(1, gpqa.select("table.provenance").size());
    }

    private static void assertPassSection(Element pass) {
        assertEquals("※ 全文を取得できなかったため、このQ&Aは概要のみに基づいています。", pass.selectFirst(".note").text());
        assertTrue(pass.select(".abstract-en").isEmpty(), "without a translation the English abstract is shown open");
        assertTrue(pass.text().contains("※ 日本語訳を生成できなかったため、原文（英語）の概要を掲載しています。理由:"
                + "概要の翻訳・要約を生成できませんでした"));
        assertEquals(List.of("PDFをダウンロードできなかったため（HTTP 503）、概要のみに基づいています"),
                pass.select("details.generation-info .extraction-notes li").eachText());
        Element evidence = pass.getElementById("paper-3-q1-evidence");
        assertEquals("(概要)", evidence.selectFirst(".where").text());
        assertTrue(evidence.select("a").isEmpty(), "a quote without a page links no PDF page");
    }

    /**
     * Model, prompt, token and check lines, extraction notes and English reasons appear only inside each paper's
     * collapsed generation details.
     */
    static void assertNoDiagnosticsOutsideTheGenerationDetails(Document page) {
        Document outside = page.clone();
        outside.select("details.generation-info, details.abstract-en, blockquote, .quote-table, .links").remove();
        String text = outside.selectFirst("#issue").text();
        for (String diagnostic : List.of("トークン", "プロンプト", "検証:", "full text", "HTTP 503", "could not",
                "returned", "gpt-4o-mini", "summary-v2", "qa-v2", TestEvents.FETCH_REASON, TestEvents.SUMMARIZE_REASON)) {
            assertFalse(text.contains(diagnostic), diagnostic + " outside the generation details: " + text);
        }
    }

    /** Every script and style the page names is served by the app itself, and so are KaTeX's fonts. */
    private static void assertOwnFilesLoad(Document page) {
        List<String> files = new java.util.ArrayList<>(page.select("script").eachAttr("src"));
        files.addAll(page.select("link[rel=stylesheet]").eachAttr("href"));
        assertEquals(List.of("/webjars/katex/0.18.11/dist/katex.min.js",
                "/webjars/katex/0.18.11/dist/contrib/auto-render.min.js", "/static/math.js",
                "/webjars/katex/0.18.11/dist/katex.min.css", "/static/issue.css"), files);
        files.add("/webjars/katex/0.18.11/dist/fonts/KaTeX_Main-Regular.woff2");
        files.forEach(file -> given().get(file).then().statusCode(200));
    }

    private static void assertHomeShowsLatestAndLinksAll(String issueId) {
        Document home = Jsoup.parse(given().get("/").then().statusCode(200).contentType(HTML).extract().asString());
        assertFalse(home.select("#issues a[href=/issues/" + issueId + "]").isEmpty(), "links this issue");
        List<String> published = given().get("/api/issues").jsonPath()
                .getList("findAll { it.status == 'PUBLISHED' }.issueId");
        assertEquals(published.get(0), home.selectFirst("article#issue").attr("data-issue-id"),
                "the home page shows the latest published issue");
        assertNotEquals(0, home.select("article#issue section.paper").size());
        assertEquals(given().get("/api/issues").jsonPath().getList("issueId").size(), home.select("#issues li").size());
        assertEquals(home.select("#issues li a").eachAttr("href"), given().get("/api/issues").jsonPath()
                .getList("issueId", String.class).stream().map(id -> "/issues/" + id).collect(Collectors.toList()));
    }
}

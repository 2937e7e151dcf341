package org.paperdigest.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.paperdigest.events.ContentLevel;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.Evidence;
import org.paperdigest.events.Page;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperKeys;
import org.paperdigest.events.Topics;
import org.paperdigest.testing.AdminCredentials;
import org.paperdigest.testing.FakeOpenAiServer;
import org.paperdigest.testing.FixtureServer;

/**
 * The four packaged services as processes on the real broker and database: week 2023-11-20 from the recorded
 * list, arXiv answers and PDF, with a test LLM whose answers can only quote what it was sent; then week 2023-11-13,
 * whose first paper is a blog post outside arXiv.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeeklyIssueSystemIT {

    private static final String WEEK = "2023-11-20";
    private static final String MALFORMED_KEY = "malformed";
    private static final List<String> CONSUMED_TOPICS = List.of(Topics.ISSUE_PLANS, Topics.PAPERS_FETCHED,
            Topics.PAPER_SUMMARIES, Topics.PAPER_ANSWERS, Topics.PAPER_FAILURES);
    private static final List<String> SERVICES = List.of(
            "publisher-service", "summarizer-service", "qa-service", "fetcher-service");
    /** The README's rows of the week, in order, and the arXiv id each links to. */
    private static final List<String> README_ORDER = List.of("2311.11829", "2311.12351", "2311.13581", "2311.05698",
            "2311.11045", "2311.12022", "2311.11797", "2311.12983", "2311.10537", "2311.10702");
    private static final String WEEK_WITH_A_BLOG_POST = "2023-11-13";
    private static final String META_POST =
            "https://ai.meta.com/blog/emu-text-to-video-generation-image-editing-research/";
    /** The arXiv papers of week 2023-11-13 in the built export-API answer, with their titles there. */
    private static final Map<String, String> BUILT_ARXIV_TITLES = Map.of(
            "2311.08401", "Fine-tuning Language Models for Factuality",
            "2311.09277", "Contrastive Chain-of-Thought Prompting",
            "2311.07989", "A Survey on Language Models for Code",
            "2311.08377", "Learning to Filter Context for Retrieval-Augmented Generation",
            "2311.07689", "MART: Improving LLM Safety with Multi-round Automatic Red-Teaming");
    /** The arXiv papers of week 2023-11-13 the built answer leaves out. */
    private static final List<String> LEFT_OUT_BY_ARXIV = List.of("2311.09210", "2311.07361", "2311.05997",
            "2311.07590");

    private final Path repo = Path.of(System.getProperty("user.dir")).getParent();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private Broker broker;
    private FixtureServer fixtures;
    private FakeOpenAiServer llm;
    private JsonNode published;
    private String markdown;
    private Duration requestToPublished;

    @BeforeAll
    void startSystemAndPublishTheWeek() throws Exception {
        String bootstrap = requiredEnv("KAFKA_BOOTSTRAP_SERVERS");
        String jdbcUrl = systemDatabase(requiredEnv("QUARKUS_DATASOURCE_JDBC_URL"));
        String dbUser = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "paperdigest");
        String dbPassword = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "paperdigest");

        broker = new Broker(bootstrap);
        List<String> allTopics = new ArrayList<>(CONSUMED_TOPICS);
        allTopics.add(Topics.ISSUES_PUBLISHED);
        CONSUMED_TOPICS.forEach(topic -> allTopics.add(Topics.deadLetter(topic)));
        broker.reset(allTopics, List.of("summarizer-service", "qa-service", "publisher-service"));
        emptyServiceSchemas(jdbcUrl, dbUser, dbPassword);

        // Bad records first: every consumer must move them aside and go on to the real work behind them.
        for (String topic : CONSUMED_TOPICS) {
            broker.send(topic, MALFORMED_KEY, "{\"this is\": not an event", Map.of(
                    "ce_id", "malformed-" + topic, "ce_type", typeOf(topic).ceType(), "ce_specversion", "1.0"));
        }

        fixtures = FixtureServer.start();
        llm = FakeOpenAiServer.start();
        Path logs = Files.createDirectories(repo.resolve("system-tests/target/service-logs"));
        Map<String, String> common = Map.ofEntries(
                Map.entry("kafka.bootstrap.servers", bootstrap),
                Map.entry("quarkus.datasource.jdbc.url", jdbcUrl),
                Map.entry("quarkus.datasource.username", dbUser),
                Map.entry("quarkus.datasource.password", dbPassword),
                Map.entry("quarkus.langchain4j.openai.base-url", llm.baseUrl()),
                Map.entry("quarkus.langchain4j.openai.api-key", "test-key"),
                Map.entry("paperdigest.fetcher.readme-url", fixtures.readmeUrl()),
                Map.entry("paperdigest.fetcher.arxiv.api-url", fixtures.arxivApiUrl()),
                Map.entry("paperdigest.fetcher.arxiv.pdf-base-url", fixtures.arxivPdfBaseUrl()),
                Map.entry("paperdigest.fetcher.arxiv.html-base-url", fixtures.arxivHtmlBaseUrl()),
                // The fixture server is not arXiv: its terms' three seconds between calls need not be kept.
                Map.entry("paperdigest.fetcher.arxiv.min-interval", "PT0.1S"),
                Map.entry("paperdigest.fetcher.download.allow-private-hosts", "true"),
                Map.entry("paperdigest.fetcher.schedule.enabled", "false"),
                Map.entry("paperdigest.admin.password", AdminCredentials.PASSWORD));
        for (String module : SERVICES) {
            services.put(module, ServiceProcess.start(repo, module, common, logs));
        }
        // Four JVMs starting at once on a busy machine can take minutes; a ready service ends the wait at once.
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofMinutes(3));
        }

        Instant requested = Instant.now();
        published = requestAndAwaitPublished(WEEK);
        requestToPublished = Duration.between(requested, Instant.now());
        System.out.printf("System test: week %s requested → published in %.1f s%n", WEEK,
                requestToPublished.toMillis() / 1000.0);
        markdown = publishedMarkdown(WEEK);
    }

    @AfterAll
    void stopSystem() throws Exception {
        for (ServiceProcess service : services.values()) {
            service.close();
        }
        if (llm != null) {
            llm.close();
        }
        if (fixtures != null) {
            fixtures.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void issueHoldsTheTenPapersInReadmeOrderWithTheRealCount() {
        List<String> keys = papers().stream().map(paper -> paper.get("paperKey").asText()).toList();
        assertEquals(README_ORDER.stream().map(id -> "arxiv:" + id).toList(), keys);
        assertEquals(10, published.at("/content/paperCount").asInt());
        assertTrue(markdown.contains("10本"), "the intro names the real paper count");
        assertFalse(markdown.contains("[number]"), "no unfilled placeholder");
    }

    @Test
    @Order(2)
    void mirasolIsShownAsFailedWithItsReason() {
        JsonNode mirasol = paper("2311.05698");
        JsonNode failure = mirasol.at("/failures/0");
        assertEquals("FETCH", failure.get("stage").asText());
        assertTrue(failure.get("reason").asText().contains("2311.05698"), failure.toString());
        assertTrue(markdownText().contains(failure.get("reason").asText()), "the reason reaches readers");
        assertEquals(1, published.at("/content/failedCount").asInt());
    }

    @Test
    @Order(3)
    void gpqaIsAnsweredFromItsPdfWithQuotesThatOccurInTheExtractedText() {
        PaperFetched gpqa = event(Topics.PAPERS_FETCHED, EventType.PAPER_FETCHED, "arxiv:2311.12022");
        assertEquals(ContentLevel.FULL_TEXT, gpqa.contentLevel());
        assertEquals(28, gpqa.fullText().pages().size());
        Map<Integer, String> pages = gpqa.fullText().pages().stream()
                .collect(Collectors.toMap(Page::number, page -> normalize(page.text())));

        PaperAnswered answered = event(Topics.PAPER_ANSWERS, EventType.PAPER_ANSWERED, "arxiv:2311.12022");
        List<Evidence> evidence = answered.items().stream().flatMap(item -> item.evidence().stream()).toList();
        assertTrue(answered.items().size() >= 8 && answered.items().size() <= 10, "8–10 questions");
        assertFalse(evidence.isEmpty(), "answers carry evidence");
        for (Evidence quote : evidence) {
            assertNotNull(quote.page(), "a full-text quote names its page: " + quote);
            assertTrue(pages.get(quote.page()).contains(normalize(quote.quote())),
                    "quote occurs on its page " + quote.page() + ": " + quote.quote());
            assertTrue(markdownText().contains(normalize(quote.quote())), "the published issue shows the quote");
        }
        JsonNode publishedQa = paper("2311.12022").get("qa");
        assertEquals(answered.items().size(), publishedQa.size());
        assertEquals(evidence.size(), answered.generation().quality().quotesVerified(),
                "the quality report counts every published quote as verified");
        assertTrue(answered.generation().quality().generated() >= answered.items().size());
    }

    @Test
    @Order(3)
    void everyGeneratedTextCarriesItsQualityReportAndReadersSeeItsShortForm() {
        int reports = 0;
        for (JsonNode paper : papers()) {
            for (String generation : List.of("summaryGeneration", "qaGeneration")) {
                JsonNode quality = paper.at("/" + generation + "/quality");
                if (!paper.at("/" + generation).isMissingNode() && !paper.at("/" + generation).isNull()) {
                    assertTrue(quality.isObject(), paper.get("paperKey") + " " + generation + " has a report");
                    assertTrue(quality.has("dropReasons") && quality.has("reasked"), quality.toString());
                    reports++;
                }
            }
        }
        assertEquals(18, reports, "9 fetched papers, each summarized and answered");
        assertEquals(9, markdown.split("検証:", -1).length - 1, "one short report per fetched paper");
    }

    @Test
    @Order(4)
    void papersWithoutAPdfAreMarkedAbstractOnly() {
        for (JsonNode paper : papers()) {
            String key = paper.get("paperKey").asText();
            if (key.equals("arxiv:2311.12022") || key.equals("arxiv:2311.05698")) {
                continue;
            }
            assertEquals("ABSTRACT_ONLY", paper.get("contentLevel").asText(), key);
            assertTrue(paper.get("notes").toString().contains("404"), key + " says why: " + paper.get("notes"));
        }
    }

    @Test
    @Order(5)
    void titlesAndUrlsAreByteIdenticalToTheMetadata() {
        for (ConsumerRecord<String, String> record : producedRecords(Topics.PAPERS_FETCHED)) {
            PaperFetched fetched = EventCodec.fromJson(record.value(), EventType.PAPER_FETCHED);
            JsonNode paper = paper(fetched.paperKey().substring("arxiv:".length()));
            assertEquals(fetched.metadata().title(), paper.get("title").asText());
            assertEquals(fetched.metadata().url(), paper.at("/metadata/url").asText());
            assertTrue(markdownText().contains(fetched.metadata().title()), fetched.metadata().title());
            assertTrue(markdown.contains("<" + fetched.metadata().url() + ">"), fetched.metadata().url());
        }
        assertEquals("GAIA: a benchmark for General AI Assistants", paper("2311.12983").get("title").asText());
        assertEquals("Camels in a Changing Climate: Enhancing LM Adaptation with Tulu 2",
                paper("2311.10702").get("title").asText());
    }

    @Test
    @Order(6)
    void malformedRecordsLandInEachTopicsDeadLetterTopic() {
        for (String topic : CONSUMED_TOPICS) {
            List<String> dead = broker.readAll(Topics.deadLetter(topic)).stream()
                    .map(ConsumerRecord::value).toList();
            assertTrue(dead.contains("{\"this is\": not an event"), topic + "-dlq holds the malformed record");
        }
    }

    @Test
    @Order(7)
    void replayingEveryEventDuplicatesNothingAndCostsNoLlmCall() throws Exception {
        String issueBefore = Http.get(services.get("publisher-service").url("/api/issues/" + WEEK)).body();
        int llmCallsBefore = llm.chatCalls();
        for (String topic : CONSUMED_TOPICS) {
            for (ConsumerRecord<String, String> record : broker.readAll(topic)) {
                broker.send(record);
            }
        }
        broker.awaitConsumed(List.of("summarizer-service", "qa-service", "publisher-service"), Duration.ofMinutes(3));

        assertEquals(1, broker.readAll(Topics.ISSUES_PUBLISHED).size(), "published exactly once");
        assertEquals(llmCallsBefore, llm.chatCalls(), "replayed papers are answered from the stored results");
        JsonNode after = Http.json(Http.get(services.get("publisher-service").url("/api/issues/" + WEEK)));
        assertEquals(EventCodec.mapper().readTree(issueBefore), after, "the published issue is unchanged");
        assertEquals(markdown, Http.get(services.get("publisher-service").url("/issues/" + WEEK + ".md")).body());
        HttpResponse<String> list = Http.get(services.get("publisher-service").url("/api/issues"));
        assertEquals(1, StreamSupport.stream(Http.json(list).spliterator(), false)
                .filter(issue -> issue.get("issueId").asText().equals(WEEK)).count(), list.body());
    }

    @Test
    @Order(9)
    void aReaderOpensThePublishedPageInABrowserExpandsEvidenceAndReadsTheEnglishAbstract() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.open(services.get("publisher-service").url("/issues/" + WEEK));

            assertEquals(9, browser.all("section.paper details.abstract-en").size(), "a toggle per translated paper");
            WebElement evidence = browser.first("details.evidence");
            assertFalse(evidence.findElement(By.cssSelector("blockquote")).isDisplayed(), "evidence starts closed");
            browser.expand(evidence);
            WebElement quote = evidence.findElement(By.cssSelector("blockquote"));
            assertTrue(quote.isDisplayed(), "the quote shows once expanded");
            assertTrue(markdownText().contains(normalize(quote.getText().replaceAll("^“|”$", ""))),
                    "the page shows the published quote: " + quote.getText());

            WebElement english = browser.first("details.abstract-en");
            WebElement original = english.findElement(By.cssSelector("div"));
            assertFalse(original.isDisplayed(), "the English abstract starts hidden");
            browser.expand(english);
            assertTrue(original.isDisplayed() && !original.getText().isBlank(), "the English abstract shows");

            assertFalse(browser.all(".math .katex").isEmpty(), "KaTeX typeset the abstracts' math under the CSP");
            Path shot = browser.screenshot(Path.of("target", "browser", "issue-" + WEEK + ".png"));
            assertTrue(Files.size(shot) > 10_000, "screenshot " + shot + " has " + Files.size(shot) + " bytes");
            System.out.println("System test: screenshot of the published issue page at " + shot.toAbsolutePath());
            assertEquals(List.of(), browser.consoleErrors(), "no console errors");
        }
    }

    @Test
    @Order(8)
    void aWeekWithABlogPostPublishesThePostWithItsUnknownFieldsAsUnknown() throws Exception {
        JsonNode issue = requestAndAwaitPublished(WEEK_WITH_A_BLOG_POST);
        String issueMarkdown = publishedMarkdown(WEEK_WITH_A_BLOG_POST);
        String metaKey = PaperKeys.url(fixtures.pageUrl(META_POST));
        assertFalse(fixtures.requests("/web/ai.meta.com/").isEmpty(), "the post came from the page fixture");

        JsonNode post = paper(issue, metaKey);
        String title = "Introducing Emu Video and Emu Edit, our latest generative AI research milestones";
        assertEquals(title, post.get("title").asText(), "the title is the page's");
        assertEquals("FULL_TEXT", post.get("contentLevel").asText());
        for (String field : List.of("authors", "published", "updated", "categories")) {
            JsonNode value = post.path("metadata").path(field);
            assertTrue(value.isMissingNode() || value.isNull() || value.isEmpty(), field + " is unknown: " + value);
        }
        String postSection = section(issueMarkdown, title);
        for (String line : List.of("著者:不明", "発行日:不明", "最終更新日:不明", "カテゴリ:不明")) {
            assertTrue(postSection.contains(line), "the post's section shows " + line + ":\n" + postSection);
        }
        PaperFetched fetched = event(Topics.PAPERS_FETCHED, EventType.PAPER_FETCHED, metaKey);
        String pageText = fetched.fullText().pages().stream().map(Page::text).collect(Collectors.joining(" "));
        assertTrue(pageText.contains("lets us train video generation models efficiently"), "the post's own text");
        assertFalse(pageText.contains("Test fixture footer"), "the footer is dropped");

        BUILT_ARXIV_TITLES.forEach((id, arxivTitle) ->
                assertEquals(arxivTitle, paper(issue, PaperKeys.arxiv(id)).get("title").asText(), id));
        for (String id : LEFT_OUT_BY_ARXIV) {
            JsonNode failure = paper(issue, PaperKeys.arxiv(id)).at("/failures/0");
            assertEquals("FETCH", failure.get("stage").asText(), id);
            assertEquals("arXiv returned no entry for " + id + ": check the id in the list",
                    failure.get("reason").asText());
            assertTrue(readerText(issueMarkdown).contains(failure.get("reason").asText()),
                    "the reason reaches readers");
        }
        assertEquals(10, issue.at("/content/paperCount").asInt());
        assertEquals(metaKey, papers(issue).get(0).get("paperKey").asText(), "the post keeps its place in the list");
        assertTrue(issueMarkdown.contains("10本"), "the intro names the real paper count");
    }

    /** Asks the fetcher for the week's issue and waits until the publisher has published it. */
    private JsonNode requestAndAwaitPublished(String week) throws Exception {
        HttpResponse<String> accepted = Http.postJson(
                services.get("fetcher-service").url("/api/issues"), "{\"week\":\"" + week + "\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals(10, Http.json(accepted).get("paperCount").asInt(), accepted.body());
        return awaitPublished(week, Duration.ofMinutes(4));
    }

    /** The week's published Markdown, also written to target/ for a reader to look at. */
    private String publishedMarkdown(String week) throws Exception {
        HttpResponse<String> md = Http.get(services.get("publisher-service").url("/issues/" + week + ".md"));
        assertEquals(200, md.statusCode(), md.body());
        Files.writeString(repo.resolve("system-tests/target/issue-" + week + ".md"), md.body());
        return md.body();
    }

    private JsonNode awaitPublished(String week, Duration timeout) throws Exception {
        String url = services.get("publisher-service").url("/api/issues/" + week);
        Instant deadline = Instant.now().plus(timeout);
        JsonNode issue = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = Http.get(url);
            if (response.statusCode() == 200) {
                issue = Http.json(response);
                if ("PUBLISHED".equals(issue.get("status").asText())) {
                    return issue;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("week " + week + " not published within " + timeout + "; last state: " + issue
                + "; service logs in system-tests/target/service-logs");
    }

    private List<JsonNode> papers() {
        return papers(published);
    }

    private JsonNode paper(String arxivId) {
        return paper(published, PaperKeys.arxiv(arxivId));
    }

    private static List<JsonNode> papers(JsonNode issue) {
        List<JsonNode> papers = new ArrayList<>();
        issue.at("/content/papers").forEach(papers::add);
        return papers;
    }

    private static JsonNode paper(JsonNode issue, String paperKey) {
        return papers(issue).stream()
                .filter(paper -> paper.get("paperKey").asText().equals(paperKey))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no paper " + paperKey + " in the issue"));
    }

    /** The Markdown from the heading {@code ## <title>} to the next heading of that level. */
    private static String section(String markdown, String title) {
        int start = markdown.indexOf("\n## " + title + "\n");
        assertTrue(start >= 0, "a section headed " + title);
        int end = markdown.indexOf("\n## ", start + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private <T extends org.paperdigest.events.DigestEvent> T event(String topic, EventType<T> type, String key) {
        return producedRecords(topic).stream()
                .filter(record -> key.equals(record.key()))
                .map(record -> EventCodec.fromJson(record.value(), type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.schemaName() + " event for " + key));
    }

    /** The topic's records less the malformed one this test put there. */
    private List<ConsumerRecord<String, String>> producedRecords(String topic) {
        return broker.readAll(topic).stream().filter(record -> !MALFORMED_KEY.equals(record.key())).toList();
    }

    private static EventType<?> typeOf(String topic) {
        return EventType.ALL.stream().filter(type -> type.topic().equals(topic)).findFirst().orElseThrow();
    }

    private String markdownText() {
        return readerText(markdown);
    }

    /** The Markdown as a reader sees it: CommonMark's backslash escapes of ASCII punctuation removed, one line. */
    private static String readerText(String markdown) {
        return normalize(markdown.replaceAll("\\\\(\\p{Punct})", "$1"));
    }

    /** Whitespace differences between a quote and the page it came from do not count. */
    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: start the broker and database first (see README)");
        }
        return value;
    }

    /** The system test's own database beside the one named for the services (made by dev/postgres-setup.sh). */
    static String systemDatabase(String jdbcUrl) {
        return jdbcUrl.replaceFirst("/([^/?]+)(\\?|$)", "/$1_system$2");
    }

    /** Every service starts from an empty store: no issue, and no stored generation to reuse. */
    static void emptyServiceSchemas(String jdbcUrl, String user, String password) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            for (String schema : List.of("publisher", "summarizer", "qa", "fetcher")) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                statement.execute("CREATE SCHEMA " + schema);
            }
        }
    }
}

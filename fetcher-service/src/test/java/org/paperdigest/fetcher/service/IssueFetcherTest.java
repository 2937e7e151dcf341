package org.paperdigest.fetcher.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Category;
import org.paperdigest.events.ContentLevel;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.Link;
import org.paperdigest.events.Page;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.ResourceLink;
import org.paperdigest.events.PaperKeys;
import org.paperdigest.events.Stage;
import org.paperdigest.pipeline.StageMeters;
import org.paperdigest.fetcher.Fixtures;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.domain.Document;
import org.paperdigest.fetcher.domain.DocumentSource;
import org.paperdigest.fetcher.domain.DownloadException;
import org.paperdigest.fetcher.domain.EventSink;
import org.paperdigest.fetcher.domain.IssueRun;
import org.paperdigest.fetcher.extract.ExtractedText;
import org.paperdigest.fetcher.extract.HtmlTextExtractor;
import org.paperdigest.fetcher.extract.PdfTextExtractor;
import org.paperdigest.fetcher.extract.UnreadableDocumentException;
import org.paperdigest.fetcher.list.IssuePlan;
import org.paperdigest.fetcher.list.ListRow;
import org.paperdigest.fetcher.list.ReadmeParser;
import org.paperdigest.fetcher.list.Week;
import org.paperdigest.fetcher.source.PaperToRead;
import org.paperdigest.fetcher.source.NothingToReadReader;
import org.paperdigest.fetcher.source.arxiv.ArxivApiException;
import org.paperdigest.fetcher.source.arxiv.ArxivReader;
import org.paperdigest.fetcher.source.arxiv.ArxivEntry;
import org.paperdigest.fetcher.source.arxiv.ArxivFeed;
import org.paperdigest.fetcher.source.arxiv.ArxivLookup;
import org.paperdigest.fetcher.source.arxiv.ArxivTaxonomy;
import org.paperdigest.fetcher.source.arxiv.AtomFeedParser;
import org.paperdigest.fetcher.source.web.WebReader;

class IssueFetcherTest {

    private static final byte[] GPQA_PDF = Fixtures.bytes("pdf/2311.12022v1_gpqa.pdf");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-11-27T09:00:00Z"), ZoneOffset.UTC);

    private final RecordingSink sink = new RecordingSink();
    private final List<List<ArxivId>> lookups = new ArrayList<>();
    private int maxIdsPerRequest = 100;
    private int papersAtOnce = 4;
    private PdfTextExtractor extractor = new PdfTextExtractor(400_000);
    private final List<IssueFetcher> fetchers = new ArrayList<>();

    @AfterEach
    void stopFetchers() {
        fetchers.forEach(IssueFetcher::stop);
    }

    @Test
    void anIssueLargerThanOneRequestIsLookedUpInChunksInOrder() {
        maxIdsPerRequest = 4;
        IssueFetcher fetcher = fetcher(ids -> builtWeekFeed(), arxivPdfsOnlyGpqa(), url -> {
            throw new AssertionError("no other downloads expected");
        });
        fetcher.fetch(FIRST, weekPlan());

        assertEquals(List.of(
                List.of("2311.11829", "2311.12351", "2311.13581", "2311.05698"),
                List.of("2311.11045", "2311.12022", "2311.11797", "2311.12983"),
                List.of("2311.10537", "2311.10702")),
                lookups.stream().map(ids -> ids.stream().map(ArxivId::versioned).toList()).toList());
        assertEquals(9, sink.fetched.size());
        assertEquals(List.of("arxiv:2311.05698"), sink.failed.stream().map(PaperFailed::paperKey).toList());
    }

    @Test
    void aPaperSlowToReadHoldsBackNoOther() {
        // GPQA's PDF takes until every other paper of the week has been sent, or ten seconds, to read.
        AtomicBoolean othersWentFirst = new AtomicBoolean();
        extractor = new PdfTextExtractor(400_000) {
            @Override
            public ExtractedText extract(byte[] pdf) throws UnreadableDocumentException {
                othersWentFirst.set(awaitEvents(9, Duration.ofSeconds(10)));
                return super.extract(pdf);
            }
        };
        fetcher(ids -> builtWeekFeed(), arxivPdfsOnlyGpqa(), url -> null).fetch(FIRST, weekPlan());

        assertTrue(othersWentFirst.get(), "the other nine papers were sent while GPQA was read: " + sink.keys());
        assertEquals(10, sink.keys().size());
        assertEquals(10, sink.keys().stream().distinct().count(), "every paper exactly once");
        assertEquals("arxiv:2311.12022", sink.keys().get(9));
        assertEquals(ContentLevel.FULL_TEXT, sink.fetched.stream()
                .filter(f -> f.paperKey().equals("arxiv:2311.12022")).findFirst().orElseThrow().contentLevel());
    }

    @Test
    void aPapersArxivDocumentsAreAskedForBackToBack() {
        List<String> calls = new CopyOnWriteArrayList<>();
        DocumentSource recording = new DocumentSource() {
            @Override
            public Document arxivPdf(ArxivId id) throws DownloadException {
                calls.add("pdf " + id.id());
                return arxivPdfsOnlyGpqa().arxivPdf(id);
            }

            @Override
            public Document arxivHtml(ArxivId id) throws DownloadException {
                calls.add("html " + id.id());
                sleep(Duration.ofMillis(20)); // long enough for the other papers to ask in between
                return arxivPdfsOnlyGpqa().arxivHtml(id);
            }

            @Override
            public Document download(String url) {
                throw new AssertionError();
            }
        };
        fetcher(ids -> builtWeekFeed(), recording, url -> null).fetch(FIRST, weekPlan());

        assertEquals(18, calls.size(), "a rendering and a PDF for each of the nine papers arXiv knows");
        for (int i = 0; i < calls.size(); i += 2) {
            assertTrue(calls.get(i).startsWith("html ") && calls.get(i + 1).equals(
                    "pdf " + calls.get(i).substring("html ".length())), calls.toString());
        }
    }

    @Test
    void aVersionedLinkIsReadAtItsVersionAndTheLatestVersionIsNoted() throws ArxivApiException {
        ArxivEntry latest = builtWeekFeed().find(new ArxivId("2311.12351", null)).orElseThrow();
        ArxivEntry v1 = new ArxivEntry(new ArxivId("2311.12351", "v1"), latest.title(), latest.summary(),
                latest.authors(), latest.published(), latest.published(), latest.categories(),
                "https://arxiv.org/abs/2311.12351v1", "https://arxiv.org/pdf/2311.12351v1", null, null, null);
        IssueFetcher fetcher = fetcher(ids -> new ArxivFeed(2, List.of(v1, latest), "https://export.test/query"),
                arxivPdfsOnlyGpqa(), url -> null);

        fetcher.fetch(FIRST, plan(new ListRow(1, "Advancing Long-Context LLMs", "a survey",
                List.of(new Link("Paper", "https://arxiv.org/abs/2311.12351v1")), 1)));

        assertEquals(List.of(List.of("2311.12351v1", "2311.12351")),
                lookups.stream().map(ids -> ids.stream().map(ArxivId::versioned).toList()).toList(),
                "the linked version and the bare id in one request");
        PaperFetched paper = sink.fetched.get(0);
        assertEquals("v1", paper.paperVersion());
        assertEquals("https://arxiv.org/abs/2311.12351v1", paper.metadata().url());
        assertTrue(paper.notes().contains("the list links to version v1, which is the version read; arXiv's latest"
                + " version is v2"), paper.notes().toString());
        sink.assertAllValid();
    }

    @Test
    void aFailedChunkFailsOnlyItsOwnPapers() {
        maxIdsPerRequest = 6;
        IssueFetcher fetcher = fetcher(ids -> {
            if (ids.size() == 4) {
                throw new ArxivApiException("arXiv export API did not answer: HTTP 503");
            }
            return builtWeekFeed();
        }, arxivPdfsOnlyGpqa(), url -> {
            throw new AssertionError("no other downloads expected");
        });
        fetcher.fetch(FIRST, weekPlan());

        assertEquals(List.of(6, 4), lookups.stream().map(List::size).toList());
        assertEquals(5, sink.fetched.size(), "the first chunk's six papers less the one arXiv does not know");
        assertTrue(sink.failed.stream().filter(f -> !f.paperKey().equals("arxiv:2311.05698"))
                .allMatch(f -> f.reason().startsWith("arXiv export API lookup failed")));
        assertEquals(Set.of("arxiv:2311.05698", "arxiv:2311.11797", "arxiv:2311.12983", "arxiv:2311.10537",
                "arxiv:2311.10702"),
                sink.failed.stream().map(PaperFailed::paperKey).collect(Collectors.toSet()));
    }

    @Test
    void fetchesTheWeekOf2023_11_20WithOneLookup() {
        IssueFetcher fetcher = fetcher(ids -> builtWeekFeed(), arxivPdfsOnlyGpqa(), url -> {
            throw new AssertionError("no other downloads expected");
        });
        fetcher.fetch(FIRST, weekPlan());

        assertEquals(1, lookups.size(), "one export-API lookup for the whole issue");
        assertEquals(List.of("2311.11829", "2311.12351", "2311.13581", "2311.05698", "2311.11045", "2311.12022",
                "2311.11797", "2311.12983", "2311.10537", "2311.10702"),
                lookups.get(0).stream().map(ArxivId::versioned).toList(), "list order, no versions invented");
        assertEquals(9, sink.fetched.size());
        assertEquals(1, sink.failed.size());

        PaperFailed mirasol = sink.failed.get(0);
        assertEquals("arxiv:2311.05698", mirasol.paperKey());
        assertEquals(Stage.FETCH, mirasol.stage());
        assertEquals("arXiv returned no entry for 2311.05698: check the id in the list", mirasol.reason());

        Map<String, PaperFetched> byKey = sink.fetched.stream()
                .collect(Collectors.toMap(PaperFetched::paperKey, Function.identity()));
        PaperFetched gpqa = byKey.get("arxiv:2311.12022");
        assertEquals(ContentLevel.FULL_TEXT, gpqa.contentLevel());
        assertEquals("v1", gpqa.paperVersion());
        assertEquals(28, gpqa.fullText().pages().size());
        assertEquals("https://arxiv.org/pdf/2311.12022v1", gpqa.fullText().sourceUrl());
        assertEquals("GPQA: A Graduate-Level Google-Proof Q&A Benchmark", gpqa.metadata().title());
        assertEquals("https://arxiv.org/abs/2311.12022v1", gpqa.metadata().url());
        assertEquals("https://arxiv.org/pdf/2311.12022v1", gpqa.metadata().pdfUrl());
        assertEquals(List.of(new Category("cs.AI", "Artificial Intelligence"),
                new Category("cs.CL", "Computation and Language")), gpqa.metadata().categories());
        assertEquals(LocalDate.of(2023, 11, 20), gpqa.metadata().published());
        assertEquals(List.of("https://export.arxiv.org/api/query?id_list=test",
                "https://pdf.test/2311.12022v1"), gpqa.sourceUrls());
        assertTrue(gpqa.notes().isEmpty(), gpqa.notes().toString());
        // GPQA's footnote on page 2 gives its code; the reference list's URLs are other works'.
        assertEquals(List.of("https://github.com/idavidrein/gpqa/"),
                gpqa.resourceLinks().stream().map(ResourceLink::url).toList(), gpqa.resourceLinks().toString());
        assertEquals(2, gpqa.resourceLinks().get(0).page());
        assertTrue(gpqa.resourceLinks().get(0).sentence().contains("Data and code: https://github.com/idavidrein/gpqa/"),
                gpqa.resourceLinks().get(0).sentence());

        PaperFetched survey = byKey.get("arxiv:2311.12351");
        assertEquals(ContentLevel.ABSTRACT_ONLY, survey.contentLevel());
        assertNull(survey.fullText());
        assertEquals("v2", survey.paperVersion());
        assertEquals(LocalDate.of(2024, 2, 23), survey.metadata().updated());
        assertEquals(List.of("full text unavailable: PDF download returned HTTP 404"), survey.notes());

        PaperFetched tulu = byKey.get("arxiv:2311.10702");
        assertTrue(tulu.metadata().abstractText().startsWith("Since the release of T\\\"ULU"), "abstract keeps TeX");
        sink.assertAllValid();
    }

    @Test
    void arxivsHtmlRenderingIsReadBeforeThePdfAndTheBlocksTakeThePdfsPages() {
        Document rendering = new Document("https://html.test/2311.12022v1", "text/html; charset=utf-8",
                Fixtures.bytes("arxiv-html/built_2311.12022v1_latexml-shape.html"));
        fetcher(ids -> builtWeekFeed(), arxivWithGpqaRendering(rendering), url -> null).fetch(FIRST, weekPlan());

        PaperFetched gpqa = sink.fetched.stream().filter(f -> f.paperKey().equals("arxiv:2311.12022")).findFirst()
                .orElseThrow();
        assertEquals(ContentLevel.FULL_TEXT, gpqa.contentLevel());
        assertEquals("html", gpqa.fullText().format());
        assertEquals("https://html.test/2311.12022v1", gpqa.fullText().sourceUrl());
        assertTrue(gpqa.fullText().paged());
        // The rendering holds GPQA's abstract, introduction and section 2.1, which the PDF prints on pages 1 to 4.
        Map<Integer, String> pages = gpqa.fullText().pages().stream()
                .collect(Collectors.toMap(Page::number, Page::text, (a, b) -> a + "\n\n" + b));
        assertTrue(pages.get(1).contains("We present GPQA, a challenging dataset of 448"), pages.toString());
        assertTrue(pages.keySet().stream().anyMatch(number -> number > 1
                && pages.get(number).contains("2.1 The Collection Pipeline")), pages.keySet().toString());
        assertEquals(List.of("https://export.arxiv.org/api/query?id_list=test", "https://html.test/2311.12022v1",
                "https://pdf.test/2311.12022v1"), gpqa.sourceUrls(), "the PDF is downloaded for its pages");
        assertTrue(gpqa.notes().get(1).startsWith("quotes cite the PDF's pages: "), gpqa.notes().toString());
        sink.assertAllValid();
    }

    @Test
    void withoutItsPdfARenderingsTextIsOnePageCitedBySection() {
        Document rendering = new Document("https://html.test/2311.12022v1", "text/html; charset=utf-8",
                Fixtures.bytes("arxiv-html/built_2311.12022v1_latexml-shape.html"));
        DocumentSource noPdf = new DocumentSource() {
            @Override
            public Document arxivPdf(ArxivId id) throws DownloadException {
                throw new DownloadException("PDF download returned HTTP 503");
            }

            @Override
            public Document arxivHtml(ArxivId id) throws DownloadException {
                return arxivWithGpqaRendering(rendering).arxivHtml(id);
            }

            @Override
            public Document download(String url) {
                throw new AssertionError();
            }
        };
        fetcher(ids -> builtWeekFeed(), noPdf, url -> null).fetch(FIRST, weekPlan());
        PaperFetched gpqa = sink.fetched.stream().filter(f -> f.paperKey().equals("arxiv:2311.12022")).findFirst()
                .orElseThrow();
        assertEquals(1, gpqa.fullText().pages().size());
        assertFalse(gpqa.fullText().paged());
        assertEquals("the PDF could not be read (PDF download returned HTTP 503), so quotes cite sections, not pages",
                gpqa.notes().get(1));
        sink.assertAllValid();
    }

    @Test
    void aRenderingThatCannotBeReadFallsBackToThePdfWithANote() {
        Document notRendering = new Document("https://html.test/2311.12022v1", "text/html",
                "<html><body><p>Conversion to HTML had a Fatal error</p></body></html>".getBytes(
                        StandardCharsets.UTF_8));
        fetcher(ids -> builtWeekFeed(), arxivWithGpqaRendering(notRendering), url -> null).fetch(FIRST, weekPlan());

        PaperFetched gpqa = sink.fetched.stream().filter(f -> f.paperKey().equals("arxiv:2311.12022")).findFirst()
                .orElseThrow();
        assertEquals("pdf", gpqa.fullText().format());
        assertEquals(28, gpqa.fullText().pages().size());
        assertEquals(List.of("arXiv's HTML rendering could not be read (the page is not an arXiv HTML rendering"
                + " (no ltx_document)); the PDF was read instead"), gpqa.notes());
    }

    @Test
    void aFailedLookupFailsEveryArxivPaperWithTheReason() {
        IssueFetcher fetcher = fetcher(ids -> {
            throw new ArxivApiException("arXiv export API did not answer: HTTP 503");
        }, arxivPdfsOnlyGpqa(), url -> null);
        fetcher.fetch(FIRST, weekPlan());
        assertEquals(0, sink.fetched.size());
        assertEquals(10, sink.failed.size());
        assertTrue(sink.failed.stream().allMatch(f -> f.reason().equals(
                "arXiv export API lookup failed: arXiv export API did not answer: HTTP 503; plan the issue again to "
                        + "retry")), sink.failed.get(0).reason());
        sink.assertAllValid();
    }

    @Test
    void anExceptionInOnePaperNeverLosesTheOthers() {
        DocumentSource exploding = new DocumentSource() {
            @Override
            public Document arxivPdf(ArxivId id) throws DownloadException {
                if (id.id().equals("2311.13581")) {
                    throw new IllegalStateException("boom");
                }
                return arxivPdfsOnlyGpqa().arxivPdf(id);
            }

            @Override
            public Document arxivHtml(ArxivId id) throws DownloadException {
                return arxivPdfsOnlyGpqa().arxivHtml(id);
            }

            @Override
            public Document download(String url) {
                throw new AssertionError();
            }
        };
        fetcher(ids -> builtWeekFeed(), exploding, url -> null).fetch(FIRST, weekPlan());
        assertEquals(8, sink.fetched.size());
        assertEquals(2, sink.failed.size());
        PaperFailed pass = sink.failed.stream().filter(f -> f.paperKey().equals("arxiv:2311.13581")).findFirst()
                .orElseThrow();
        assertEquals("unexpected error while fetching: boom", pass.reason());
        assertEquals(10, sink.keys().stream().distinct().count(), "every paper exactly once");
        assertEquals(10, sink.keys().size());
    }

    @Test
    void aBrokenLookupAnswerStillSettlesEveryPaper() {
        fetcher(ids -> {
            throw new IllegalStateException("parser bug");
        }, arxivPdfsOnlyGpqa(), url -> null).fetch(FIRST, weekPlan());
        assertEquals(10, sink.failed.size());
        assertTrue(sink.failed.get(0).reason().contains("parser bug"));
    }

    @Test
    void aPdfElsewhereIsReadWithTheRowsTitle() {
        String url = "https://example.org/papers/gpqa.pdf";
        IssueFetcher fetcher = fetcher(ids -> {
            throw new AssertionError("no arXiv papers here");
        }, arxivPdfsOnlyGpqa(), download -> new Document(download, "application/octet-stream", GPQA_PDF));
        fetcher.fetch(FIRST, plan(new ListRow(1, "GPQA elsewhere", "a copy", List.of(new Link("Paper", url)), 1)));

        PaperFetched paper = sink.fetched.get(0);
        assertEquals(PaperKeys.url(url), paper.paperKey());
        assertNull(paper.paperVersion());
        assertEquals(ContentLevel.FULL_TEXT, paper.contentLevel());
        assertEquals(28, paper.fullText().pages().size());
        assertEquals("GPQA elsewhere", paper.metadata().title());
        assertEquals(url, paper.metadata().url());
        assertNull(paper.metadata().abstractText());
        assertNull(paper.metadata().published());
        assertTrue(paper.metadata().authors().isEmpty());
        sink.assertAllValid();
    }

    @Test
    void aWebPageYieldsItsMainTextAndTaggedMetadata() {
        String blog = "https://research.example/blog/scaling-multimodal-understanding/";
        String moved = blog + "?m=1";
        IssueFetcher fetcher = fetcher(ids -> {
            throw new AssertionError();
        }, arxivPdfsOnlyGpqa(), url -> new Document(moved, "text/html; charset=utf-8",
                Fixtures.bytes("pages/mirasol3b-blog-post.html")));
        fetcher.fetch(FIRST, plan(new ListRow(1, "Mirasol3B", "", List.of(new Link("Paper", blog)), 1)));

        assertTrue(sink.failed.isEmpty(), () -> sink.failed.toString());
        PaperFetched paper = sink.fetched.get(0);
        assertEquals(PaperKeys.url(blog), paper.paperKey());
        assertEquals(ContentLevel.FULL_TEXT, paper.contentLevel());
        assertEquals("html", paper.fullText().format());
        assertEquals(moved, paper.fullText().sourceUrl());
        assertEquals(1, paper.fullText().pages().size());
        assertTrue(paper.fullText().pages().get(0).text().startsWith(
                "Scaling multimodal understanding to long videos\n\nNovember 14, 2023\n\nPosted by Isaac Noble"));
        assertEquals("Mirasol3B: A Multimodal Autoregressive model for time-aligned and contextual modalities",
                paper.metadata().title());
        assertEquals(List.of("Isaac Noble", "Anelia Angelova"), paper.metadata().authors());
        assertEquals(LocalDate.of(2023, 11, 14), paper.metadata().published());
        assertEquals(blog, paper.metadata().url());
        assertEquals("https://research.example/papers/mirasol3b.pdf", paper.metadata().pdfUrl());
        assertEquals("10.48550/arXiv.2311.05698", paper.metadata().doi());
        assertTrue(paper.metadata().abstractText().startsWith("We introduce Mirasol3B"));
        assertNull(paper.metadata().updated());
        assertTrue(paper.metadata().categories().isEmpty());
        assertEquals(List.of(moved), paper.sourceUrls());
        assertEquals(List.of("full text read from a web page: it has no page numbers, so quotes cite sections"),
                paper.notes());
        sink.assertAllValid();
    }

    @Test
    void aPageWithoutTagsKeepsTheListTitleAndUnknownFields() {
        String blog = "https://blog.example/emu";
        IssueFetcher fetcher = fetcher(ids -> {
            throw new AssertionError();
        }, arxivPdfsOnlyGpqa(), url -> new Document(url, "text/html",
                "<html><body><article><h1>Emu</h1><p>Two models.</p></article></body></html>"
                        .getBytes(StandardCharsets.UTF_8)));
        fetcher.fetch(FIRST, plan(new ListRow(1, "Emu Video and Emu Edit", "", List.of(new Link("Paper", blog)), 1)));
        PaperFetched paper = sink.fetched.get(0);
        assertEquals("Emu Video and Emu Edit", paper.metadata().title());
        assertEquals("Emu\n\nTwo models.", paper.fullText().pages().get(0).text());
        assertTrue(paper.metadata().authors().isEmpty());
        assertNull(paper.metadata().abstractText());
        assertNull(paper.metadata().published());
        assertNull(paper.metadata().pdfUrl());
        assertNull(paper.metadata().doi());
        sink.assertAllValid();
    }

    @Test
    void emptyPagesAndRowsWithoutLinksFailWithAReason() {
        papersAtOnce = 1; // one at a time: the events come in list order
        String blog = "https://ai.meta.com/blog/emu-text-to-video-generation-image-editing-research/";
        IssueFetcher fetcher = fetcher(ids -> {
            throw new AssertionError();
        }, arxivPdfsOnlyGpqa(), url -> new Document(url, "text/html; charset=utf-8",
                "<html></html>".getBytes(StandardCharsets.UTF_8)));
        fetcher.fetch(FIRST, plan(
                new ListRow(1, "Emu Video and Emu Edit", "", List.of(new Link("Paper", blog)), 1),
                new ListRow(2, "VALL-E", "", List.of(new Link("Project", "https://valle-demo.github.io/")), 2)));
        assertEquals(List.of("the page at " + blog + " could not be read: the page has no readable text",
                "the list row \"VALL-E\" has no Paper link and no arXiv link (its links: Project)"),
                sink.failed.stream().map(PaperFailed::reason).toList());
        sink.assertAllValid();
    }

    @Test
    void aDownloadFailureElsewhereFailsThePaper() {
        IssueFetcher fetcher = fetcher(ids -> {
            throw new AssertionError();
        }, arxivPdfsOnlyGpqa(), url -> {
            throw new DownloadException("download returned HTTP 403");
        });
        fetcher.fetch(FIRST, plan(new ListRow(1, "Gone", "", List.of(new Link("Paper", "https://example.org/x.pdf")), 1)));
        assertEquals("could not download the paper at https://example.org/x.pdf: download returned HTTP 403",
                sink.failed.get(0).reason());
    }

    // ---- test doubles and fixtures

    private boolean awaitEvents(int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (sink.keys().size() < count) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(Duration.ofMillis(10));
        }
        return true;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Download {
        Document get(String url) throws DownloadException;
    }

    private IssueFetcher fetcher(ArxivLookup lookup, DocumentSource arxivPdfs, Download others) {
        ArxivLookup recording = ids -> {
            lookups.add(List.copyOf(ids));
            return lookup.lookup(ids);
        };
        DocumentSource documents = new DocumentSource() {
            @Override
            public Document arxivPdf(ArxivId id) throws DownloadException {
                return arxivPdfs.arxivPdf(id);
            }

            @Override
            public Document arxivHtml(ArxivId id) throws DownloadException {
                return arxivPdfs.arxivHtml(id);
            }

            @Override
            public Document download(String url) throws DownloadException {
                return others.get(url);
            }
        };
        HtmlTextExtractor htmlExtractor = new HtmlTextExtractor(400_000);
        IssueFetcher fetcher = new IssueFetcher(List.of(
                new ArxivReader(recording, documents, ArxivTaxonomy.load(), extractor, htmlExtractor, maxIdsPerRequest),
                new WebReader(documents, extractor, htmlExtractor), new NothingToReadReader()),
                sink, CLOCK, papersAtOnce, StageMeters.unpublished(StageMeters.FETCH));
        fetchers.add(fetcher);
        return fetcher;
    }

    private static ArxivFeed builtWeekFeed() throws ArxivApiException {
        return AtomFeedParser.parse(Fixtures.text("arxiv-api/built_id_list-week-2023-11-20_one-missing.xml"))
                .withRequestUrl("https://export.arxiv.org/api/query?id_list=test");
    }

    /** Like the fixture server: a PDF only for GPQA, 404 for the others, and no HTML rendering. */
    private static DocumentSource arxivPdfsOnlyGpqa() {
        return arxivWithGpqaRendering(null);
    }

    /** A PDF only for GPQA, and for GPQA also {@code rendering} as its HTML rendering unless it is null. */
    private static DocumentSource arxivWithGpqaRendering(Document rendering) {
        return new DocumentSource() {
            @Override
            public Document arxivPdf(ArxivId id) throws DownloadException {
                if (id.versioned().equals("2311.12022v1")) {
                    return new Document("https://pdf.test/" + id.versioned(), "application/pdf", GPQA_PDF);
                }
                throw new DownloadException("PDF download returned HTTP 404");
            }

            @Override
            public Document arxivHtml(ArxivId id) throws DownloadException {
                if (rendering != null && id.versioned().equals("2311.12022v1")) {
                    return rendering;
                }
                throw new DownloadException("HTML download returned HTTP 404");
            }

            @Override
            public Document download(String url) {
                throw new AssertionError();
            }
        };
    }

    private static final IssueRun FIRST = IssueRun.first("2023-11-20");

    private static List<PaperToRead<?>> weekPlan() {
        Week week = ReadmeParser.parse(Fixtures.readme(), LocalDate.of(2026, 11, 23))
                .find(LocalDate.of(2023, 11, 20)).orElseThrow();
        return IssuePlan.of(week, "https://list.test/README.md").items();
    }

    private static List<PaperToRead<?>> plan(ListRow... rows) {
        Week week = new Week(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 7),
                "Top ML Papers of the Week (January 1 - January 7) - 2024", 1, List.of(rows));
        return IssuePlan.of(week, "https://list.test/README.md").items();
    }

    /** Collects the events, sent from several threads, and proves each one valid against its JSON Schema. */
    private static final class RecordingSink implements EventSink {
        final List<PaperFetched> fetched = new CopyOnWriteArrayList<>();
        final List<PaperFailed> failed = new CopyOnWriteArrayList<>();
        final List<String> order = new CopyOnWriteArrayList<>();

        @Override
        public void planned(IssuePlanned event) {
            throw new AssertionError("the fetcher does not plan");
        }

        @Override
        public synchronized void fetched(PaperFetched event) {
            fetched.add(event);
            order.add(event.paperKey());
        }

        @Override
        public synchronized void failed(PaperFailed event) {
            failed.add(event);
            order.add(event.paperKey());
        }

        List<String> keys() {
            return order;
        }

        void assertAllValid() {
            fetched.forEach(e -> assertEquals(e, EventCodec.fromJson(EventCodec.toJson(e), EventType.PAPER_FETCHED)));
            failed.forEach(e -> assertEquals(e, EventCodec.fromJson(EventCodec.toJson(e), EventType.PAPER_FAILED)));
        }
    }
}

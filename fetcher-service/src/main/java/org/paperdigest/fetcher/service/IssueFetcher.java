package org.paperdigest.fetcher.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;
import org.paperdigest.events.Category;
import org.paperdigest.events.ContentLevel;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.FlaggedPassage;
import org.paperdigest.events.FullText;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperMetadata;
import org.paperdigest.events.Stage;
import org.paperdigest.pipeline.StageMeters;
import org.paperdigest.fetcher.config.FetcherConfig;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.domain.Document;
import org.paperdigest.fetcher.domain.DocumentSource;
import org.paperdigest.fetcher.domain.DownloadException;
import org.paperdigest.fetcher.domain.EventSink;
import org.paperdigest.fetcher.domain.IssueRun;
import org.paperdigest.fetcher.domain.PaperSource;
import org.paperdigest.fetcher.extract.ExtractedText;
import org.paperdigest.fetcher.extract.HtmlPageMap;
import org.paperdigest.fetcher.extract.HtmlTextExtractor;
import org.paperdigest.fetcher.extract.ModelInstructions;
import org.paperdigest.fetcher.extract.PdfTextExtractor;
import org.paperdigest.fetcher.extract.RenderingHiddenText;
import org.paperdigest.fetcher.extract.UnreadableDocumentException;
import org.paperdigest.fetcher.list.IssuePlan;
import org.paperdigest.fetcher.source.arxiv.ArxivApiException;
import org.paperdigest.fetcher.source.arxiv.ArxivEntry;
import org.paperdigest.fetcher.source.arxiv.ArxivFeed;
import org.paperdigest.fetcher.source.arxiv.ArxivLookup;
import org.paperdigest.fetcher.source.arxiv.ArxivTaxonomy;
import org.paperdigest.fetcher.source.arxiv.TexText;
import org.paperdigest.fetcher.source.web.PageMetadata;

/**
 * Fetches the papers of a planned issue, {@code paperdigest.fetcher.papers-at-once} side by side, each sent as soon as
 * it is ready: a paper whose PDF takes long to read holds back no other. arXiv's calls stay one at a time, spaced by
 * its rate limit ({@link org.paperdigest.fetcher.client.ArxivRateLimiter}). Every paper ends as exactly one
 * {@link PaperFetched} or {@link PaperFailed}: each is settled on its own, an exception in one never touches the
 * others, and whatever is left unsettled at the end (a bug, a crash of the batch) is reported as failed rather than
 * silently lost.
 */
@ApplicationScoped
public class IssueFetcher {

    private static final Logger LOG = Logger.getLogger(IssueFetcher.class);

    private final ArxivLookup arxiv;
    private final DocumentSource documents;
    private final EventSink events;
    private final ArxivTaxonomy taxonomy;
    private final PdfTextExtractor extractor;
    private final HtmlTextExtractor htmlExtractor;
    private final Clock clock;
    private final int maxIdsPerRequest;
    private final StageMeters meters;
    /** Shared by every issue in work, like arXiv's rate limit. */
    private final ExecutorService workers;
    /** Gives a paper's work the context of the issue's (its trace, so the paper's events carry it). */
    private final UnaryOperator<Runnable> inCallersContext;
    /** Held while one paper's arXiv documents download, so that each paper's come back to back (see arxivDocuments). */
    private final ReentrantLock arxivTurns = new ReentrantLock(true);

    @Inject
    public IssueFetcher(ArxivLookup arxiv, DocumentSource documents, EventSink events, ArxivTaxonomy taxonomy,
            PdfTextExtractor extractor, HtmlTextExtractor htmlExtractor, FetcherConfig config, MeterRegistry registry,
            ThreadContext context) {
        this(arxiv, documents, events, taxonomy, extractor, htmlExtractor, Clock.systemUTC(),
                config.arxiv().maxIdsPerRequest(), config.papersAtOnce(),
                new StageMeters(registry, StageMeters.FETCH), context::contextualRunnable);
    }

    /**
     * @param maxIdsPerRequest most ids in one export-API request; more papers are looked up in several
     * @param papersAtOnce     papers fetched side by side
     * @param meters           times each paper's own work (after the issue's arXiv lookup) and counts its outcome
     */
    public IssueFetcher(ArxivLookup arxiv, DocumentSource documents, EventSink events, ArxivTaxonomy taxonomy,
            PdfTextExtractor extractor, HtmlTextExtractor htmlExtractor, Clock clock, int maxIdsPerRequest,
            int papersAtOnce, StageMeters meters) {
        this(arxiv, documents, events, taxonomy, extractor, htmlExtractor, clock, maxIdsPerRequest, papersAtOnce,
                meters, UnaryOperator.identity());
    }

    private IssueFetcher(ArxivLookup arxiv, DocumentSource documents, EventSink events, ArxivTaxonomy taxonomy,
            PdfTextExtractor extractor, HtmlTextExtractor htmlExtractor, Clock clock, int maxIdsPerRequest,
            int papersAtOnce, StageMeters meters, UnaryOperator<Runnable> inCallersContext) {
        this.inCallersContext = inCallersContext;
        this.maxIdsPerRequest = Math.max(1, maxIdsPerRequest);
        this.meters = meters;
        this.arxiv = arxiv;
        this.documents = documents;
        this.events = events;
        this.taxonomy = taxonomy;
        this.extractor = extractor;
        this.htmlExtractor = htmlExtractor;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(Math.max(1, papersAtOnce), work -> {
            Thread thread = new Thread(work, "fetch-paper");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Interrupts the papers in work; those not started are settled as failed by the issue that queued them. */
    @PreDestroy
    void stop() {
        workers.shutdownNow().forEach(queued -> ((Future<?>) queued).cancel(false));
    }

    public void fetch(IssuePlan plan) {
        fetch(IssueRun.first(plan.issueId()), plan.items());
    }

    /** Fetches {@code items} for {@code run}: all of a new plan, or those of a regeneration. */
    public void fetch(IssueRun run, List<IssuePlan.Item> items) {
        // A paper listed twice in one week is fetched once: events are keyed by paper.
        Map<String, IssuePlan.Item> papers = new LinkedHashMap<>();
        items.forEach(item -> papers.putIfAbsent(item.paper().paperKey(), item));
        Set<String> settled = ConcurrentHashMap.newKeySet();
        List<Future<?>> started = new ArrayList<>();
        try {
            // Papers elsewhere need no lookup: they start at once, beside the arXiv lookups.
            for (IssuePlan.Item item : papers.values()) {
                if (item.source() instanceof PaperSource.Web web) {
                    started.add(start(() -> settle(run, item, settled, () -> fetchWebPaper(run, item, web.url()))));
                } else if (item.source() instanceof PaperSource.Unusable unusable) {
                    started.add(start(() -> settle(run, item, settled, () -> failed(run, item, unusable.reason()))));
                }
            }
            List<IssuePlan.Item> arxivPapers = papers.values().stream()
                    .filter(item -> item.source() instanceof PaperSource.Arxiv).toList();
            // One id_list request per issue, or per chunk of an issue too large for one request.
            for (List<IssuePlan.Item> chunk : lookupChunks(arxivPapers)) {
                fetchArxivPapers(run, chunk, settled, started);
            }
        } finally {
            awaitAll(started);
            for (IssuePlan.Item item : papers.values()) {
                if (!settled.contains(item.paper().paperKey())) {
                    settle(run, item, settled, () -> failed(run, item,
                            "fetching stopped before this paper was done; see the fetcher-service log"));
                }
            }
        }
        LOG.infof("issue %s: %d papers settled for revision %d", run.issueId(), settled.size(),
                run.revision());
    }

    private Future<?> start(Runnable paper) {
        return workers.submit(inCallersContext.apply(paper));
    }

    /**
     * Waits until every started paper is done, even when interrupted (a service stopping interrupts the workers,
     * which then end soon): only then may a paper left unsettled be settled as failed without being settled twice.
     */
    private static void awaitAll(List<Future<?>> started) {
        boolean interrupted = false;
        for (Future<?> paper : started) {
            while (true) {
                try {
                    paper.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    LOG.errorf(e.getCause(), "a paper's fetch ended abnormally");
                    break;
                } catch (CancellationException notStarted) {
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The papers in list order, cut where one more would put over {@code maxIdsPerRequest} ids in a request. */
    private List<List<IssuePlan.Item>> lookupChunks(List<IssuePlan.Item> arxivPapers) {
        List<List<IssuePlan.Item>> chunks = new ArrayList<>();
        List<IssuePlan.Item> chunk = new ArrayList<>();
        int ids = 0;
        for (IssuePlan.Item item : arxivPapers) {
            int itemIds = lookupIds(List.of(item)).size();
            if (!chunk.isEmpty() && ids + itemIds > maxIdsPerRequest) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                ids = 0;
            }
            chunk.add(item);
            ids += itemIds;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /**
     * The ids to ask arXiv for: a link naming a version is read at that version, and its bare id is asked for too,
     * so that the same answer says which version is the latest.
     */
    private static List<ArxivId> lookupIds(List<IssuePlan.Item> items) {
        return items.stream().map(item -> ((PaperSource.Arxiv) item.source()).id())
                .flatMap(id -> id.version() == null ? Stream.of(id) : Stream.of(id, id.withoutVersion()))
                .distinct().toList();
    }

    private void fetchArxivPapers(IssueRun run, List<IssuePlan.Item> items, Set<String> settled,
            List<Future<?>> started) {
        List<ArxivId> ids = lookupIds(items);
        ArxivFeed feed;
        try {
            feed = arxiv.lookup(ids);
        } catch (ArxivApiException | RuntimeException e) {
            LOG.warnf(e, "issue %s: arXiv lookup of %d papers failed", run.issueId(), ids.size());
            String reason = "arXiv export API lookup failed: " + message(e)
                    + "; plan the issue again to retry";
            items.forEach(item -> settle(run, item, settled, () -> failed(run, item, reason)));
            return;
        }
        for (IssuePlan.Item item : items) {
            ArxivId id = ((PaperSource.Arxiv) item.source()).id();
            started.add(start(() -> settle(run, item, settled, () -> {
                Optional<ArxivEntry> entry = feed.find(id);
                if (entry.isEmpty()) {
                    return failed(run, item, "arXiv returned no entry for " + id.versioned()
                            + ": check the id in the list");
                }
                return fetchedFromArxiv(run, item, entry.get(), feed);
            })));
        }
    }

    private PaperFetched fetchedFromArxiv(IssueRun run, IssuePlan.Item item, ArxivEntry entry, ArxivFeed feed) {
        String title = entry.title() == null || entry.title().isBlank()
                ? item.paper().title() : TexText.displayTitle(entry.title());
        List<Category> categories = entry.categories().stream().map(taxonomy::category).toList();
        PaperMetadata metadata = new PaperMetadata(title, entry.authors(), entry.summary(), entry.published(),
                entry.updated(), categories, entry.absUrl(), entry.pdfUrl(), entry.doi(), entry.journalRef(),
                entry.comment());
        List<String> notes = new ArrayList<>();
        feed.latestVersion(entry.id().id()).filter(latest -> !latest.equals(entry.id().version()))
                .ifPresent(latest -> notes.add("the list links to version " + entry.id().version()
                        + ", which is the version read; arXiv's latest version is " + latest));
        List<String> sources = new ArrayList<>();
        if (feed.requestUrl() != null) {
            sources.add(feed.requestUrl());
        }
        ArxivDocuments downloads = arxivDocuments(entry.id());
        List<FlaggedPassage> hidden = new ArrayList<>();
        FullText fullText = arxivRendering(entry, downloads, notes, sources, hidden);
        if (fullText == null) {
            fullText = arxivPdf(entry, downloads.pdf(), notes, sources, hidden);
        }
        return new PaperFetched(PaperFetched.SCHEMA_VERSION, run.issueId(), item.paper().paperKey(),
                run.revision(), run.model(), entry.id().version(), metadata,
                fullText == null ? ContentLevel.ABSTRACT_ONLY : ContentLevel.FULL_TEXT, fullText, notes,
                sources, clock.instant(), ModelInstructions.flagged(hidden, fullText, metadata.abstractText()));
    }

    /**
     * A paper's rendering and PDF, asked for back to back: arXiv's calls are one at a time anyway, and a paper whose
     * documents are all here can be read while the next paper's download. Every paper reads its PDF, as the source of
     * its text or for the pages of its rendering's passages.
     */
    private ArxivDocuments arxivDocuments(ArxivId id) {
        arxivTurns.lock();
        try {
            return new ArxivDocuments(Download.of(() -> documents.arxivHtml(id)),
                    Download.of(() -> documents.arxivPdf(id)));
        } finally {
            arxivTurns.unlock();
        }
    }

    private record ArxivDocuments(Download html, Download pdf) {
    }

    /** A downloaded document, or why it could not be downloaded. */
    private record Download(Document document, DownloadException failure) {

        interface Get {
            Document get() throws DownloadException;
        }

        static Download of(Get get) {
            try {
                return new Download(get.get(), null);
            } catch (DownloadException e) {
                return new Download(null, e);
            }
        }
    }

    /**
     * arXiv's HTML rendering where it exists: real sections and math as TeX, read in order with no column or
     * running-header guesswork. Null when there is none (most papers before December 2023) or it cannot be read.
     */
    private FullText arxivRendering(ArxivEntry entry, ArxivDocuments downloads, List<String> notes,
            List<String> sources, List<FlaggedPassage> hidden) {
        Document html = downloads.html().document();
        if (html == null) {
            LOG.debugf("%s: no HTML rendering (%s); reading the PDF", entry.id().versioned(),
                    downloads.html().failure().getMessage());
            return null;
        }
        try {
            if (!html.isHtml()) {
                throw new UnreadableDocumentException("it answered with " + html.typeForMessage() + ", not HTML");
            }
            ExtractedText text = htmlExtractor.extractArxivRendering(
                    HtmlTextExtractor.parse(html.body(), html.contentType(), html.url()));
            sources.add(html.url());
            notes.addAll(text.notes());
            return onPdfPages(new FullText("html", html.url(), text.pages(), text.truncated()), text.hidden(),
                    downloads.pdf(), notes, sources, hidden);
        } catch (UnreadableDocumentException e) {
            notes.add("arXiv's HTML rendering could not be read (" + e.getMessage() + "); the PDF was read instead");
            return null;
        }
    }

    /**
     * The rendering's text with each block on the PDF page it stands on, so quotes from it name their page, and
     * without what the PDF hides from readers. Without a readable PDF the text stays one page, cited by section.
     */
    private FullText onPdfPages(FullText rendering, List<FlaggedPassage> renderingHidden, Download download,
            List<String> notes, List<String> sources, List<FlaggedPassage> hidden) {
        try {
            Document pdf = downloaded(download);
            if (!pdf.isPdf()) {
                throw new UnreadableDocumentException("the PDF link answered with " + pdf.typeForMessage()
                        + ", not a PDF");
            }
            ExtractedText pages = extractor.extract(pdf.body());
            HtmlPageMap.Mapped mapped = HtmlPageMap.map(rendering.pages().get(0), pages.pages());
            RenderingHiddenText.Merged seen = RenderingHiddenText.merge(mapped.pages(), renderingHidden,
                    pages.hidden());
            hidden.addAll(seen.hidden());
            sources.add(pdf.url());
            notes.add("quotes cite the PDF's pages: " + mapped.found() + " of the rendering's " + mapped.blocks()
                    + " passages were found in the PDF, the rest take the page of the passage before them");
            return new FullText(rendering.format(), rendering.sourceUrl(), seen.pages(), rendering.truncated(),
                    true);
        } catch (DownloadException | UnreadableDocumentException e) {
            notes.add("the PDF could not be read (" + e.getMessage() + "), so quotes cite sections, not pages");
            hidden.addAll(renderingHidden);
            return rendering;
        }
    }

    private FullText arxivPdf(ArxivEntry entry, Download download, List<String> notes, List<String> sources,
            List<FlaggedPassage> hidden) {
        try {
            Document pdf = downloaded(download);
            sources.add(pdf.url());
            if (!pdf.isPdf()) {
                throw new UnreadableDocumentException("the PDF link answered with " + pdf.typeForMessage()
                        + ", not a PDF");
            }
            ExtractedText text = extractor.extract(pdf.body());
            notes.addAll(text.notes());
            hidden.addAll(text.hidden());
            return new FullText("pdf", entry.pdfUrl(), text.pages(), text.truncated());
        } catch (DownloadException | UnreadableDocumentException e) {
            notes.add("full text unavailable: " + e.getMessage());
            return null;
        }
    }

    private static Document downloaded(Download download) throws DownloadException {
        if (download.failure() != null) {
            throw download.failure();
        }
        return download.document();
    }

    private DigestEvent fetchWebPaper(IssueRun run, IssuePlan.Item item, String url) {
        Document document;
        try {
            document = documents.download(url);
        } catch (DownloadException e) {
            return failed(run, item, "could not download the paper at " + url + ": " + e.getMessage());
        }
        if (document.isPdf()) {
            ExtractedText text;
            try {
                text = extractor.extract(document.body());
            } catch (UnreadableDocumentException e) {
                return failed(run, item, "the PDF at " + url + " could not be read: " + e.getMessage());
            }
            // Only the list row tells us about a paper outside arXiv; what it does not say stays unknown (null).
            PaperMetadata metadata = new PaperMetadata(item.paper().title(), List.of(), null, null, null, List.of(),
                    url, url, null, null, null);
            FullText fullText = new FullText("pdf", url, text.pages(), text.truncated());
            return new PaperFetched(PaperFetched.SCHEMA_VERSION, run.issueId(), item.paper().paperKey(),
                    run.revision(), run.model(), null, metadata, ContentLevel.FULL_TEXT, fullText, text.notes(),
                    List.of(document.url()), clock.instant(), ModelInstructions.flagged(text.hidden(), fullText, null));
        }
        if (document.isHtml()) {
            return fetchedFromPage(run, item, url, document);
        }
        return failed(run, item, "the Paper link " + url + " answered with " + document.typeForMessage()
                + ", which is neither a PDF nor an HTML page");
    }

    /**
     * A paper presented on a web page (a blog post, a project page): its main text, and what the page's citation or
     * OpenGraph tags say about it. The list row's title stands in when no tag names the paper; every other field no
     * tag provides stays unknown (null).
     */
    private DigestEvent fetchedFromPage(IssueRun run, IssuePlan.Item item, String url, Document document) {
        org.jsoup.nodes.Document page = HtmlTextExtractor.parse(document.body(), document.contentType(),
                document.url());
        ExtractedText text;
        try {
            text = htmlExtractor.extract(page);
        } catch (UnreadableDocumentException e) {
            return failed(run, item, "the page at " + url + " could not be read: " + e.getMessage());
        }
        PageMetadata tags = PageMetadata.read(page);
        String title = tags.title() == null ? item.paper().title() : tags.title();
        PaperMetadata metadata = new PaperMetadata(title, tags.authors(), tags.abstractText(), tags.published(),
                null, List.of(), url, tags.pdfUrl(), tags.doi(), tags.journal(), null);
        FullText fullText = new FullText("html", document.url(), text.pages(), text.truncated());
        return new PaperFetched(PaperFetched.SCHEMA_VERSION, run.issueId(), item.paper().paperKey(),
                run.revision(), run.model(), null, metadata, ContentLevel.FULL_TEXT, fullText, text.notes(),
                List.of(document.url()), clock.instant(),
                ModelInstructions.flagged(text.hidden(), fullText, metadata.abstractText()));
    }

    /** Runs one paper's work and emits its one event; any exception becomes that paper's failure. */
    private void settle(IssueRun run, IssuePlan.Item item, Set<String> settled, Supplier<DigestEvent> work) {
        String key = item.paper().paperKey();
        if (settled.contains(key)) {
            return;
        }
        try (StageMeters.PaperWork paperWork = meters.start(run.issueId(), key)) {
            DigestEvent event;
            try {
                event = work.get();
            } catch (RuntimeException e) {
                LOG.errorf(e, "issue %s: unexpected error while fetching %s", run.issueId(), key);
                event = failed(run, item, "unexpected error while fetching: " + message(e));
            }
            try {
                if (event instanceof PaperFetched fetched) {
                    events.fetched(fetched);
                } else {
                    events.failed((PaperFailed) event);
                }
                settled.add(key);
                paperWork.finished(event);
                LOG.infof("issue %s: %s %s", run.issueId(), key, event instanceof PaperFetched fetched
                        ? "sent, " + fetched.contentLevel() : "failed: " + ((PaperFailed) event).reason());
            } catch (RuntimeException e) {
                LOG.errorf(e, "issue %s: could not send the event for %s", run.issueId(), key);
            }
        }
    }

    private PaperFailed failed(IssueRun run, IssuePlan.Item item, String reason) {
        return new PaperFailed(PaperFailed.SCHEMA_VERSION, run.issueId(), item.paper().paperKey(), run.revision(),
                Stage.FETCH, reason, clock.instant());
    }

    private static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}

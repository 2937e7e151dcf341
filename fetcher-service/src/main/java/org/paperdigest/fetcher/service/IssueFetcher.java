package org.paperdigest.fetcher.service;

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
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.paperdigest.events.Category;
import org.paperdigest.events.ContentLevel;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.FullText;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperMetadata;
import org.paperdigest.events.Stage;
import org.paperdigest.fetcher.config.FetcherConfig;
import org.paperdigest.fetcher.domain.ArxivApiException;
import org.paperdigest.fetcher.domain.ArxivEntry;
import org.paperdigest.fetcher.domain.ArxivFeed;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.domain.ArxivLookup;
import org.paperdigest.fetcher.domain.ArxivTaxonomy;
import org.paperdigest.fetcher.domain.Document;
import org.paperdigest.fetcher.domain.DocumentSource;
import org.paperdigest.fetcher.domain.DownloadException;
import org.paperdigest.fetcher.domain.EventSink;
import org.paperdigest.fetcher.domain.ExtractedText;
import org.paperdigest.fetcher.domain.HtmlTextExtractor;
import org.paperdigest.fetcher.domain.IssuePlan;
import org.paperdigest.fetcher.domain.PageMetadata;
import org.paperdigest.fetcher.domain.PaperSource;
import org.paperdigest.fetcher.domain.PdfTextExtractor;
import org.paperdigest.fetcher.domain.TexText;
import org.paperdigest.fetcher.domain.UnreadableDocumentException;

/**
 * Fetches the papers of a planned issue. Every paper ends as exactly one {@link PaperFetched} or {@link PaperFailed}:
 * each is settled on its own, an exception in one never touches the others, and whatever is left unsettled at the
 * end (a bug, a crash of the batch) is reported as failed rather than silently lost.
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

    @Inject
    public IssueFetcher(ArxivLookup arxiv, DocumentSource documents, EventSink events, ArxivTaxonomy taxonomy,
            PdfTextExtractor extractor, HtmlTextExtractor htmlExtractor, FetcherConfig config) {
        this(arxiv, documents, events, taxonomy, extractor, htmlExtractor, Clock.systemUTC(),
                config.arxiv().maxIdsPerRequest());
    }

    public IssueFetcher(ArxivLookup arxiv, DocumentSource documents, EventSink events, ArxivTaxonomy taxonomy,
            PdfTextExtractor extractor, HtmlTextExtractor htmlExtractor, Clock clock) {
        this(arxiv, documents, events, taxonomy, extractor, htmlExtractor, clock, 100);
    }

    /** @param maxIdsPerRequest most ids in one export-API request; more papers are looked up in several */
    public IssueFetcher(ArxivLookup arxiv, DocumentSource documents, EventSink events, ArxivTaxonomy taxonomy,
            PdfTextExtractor extractor, HtmlTextExtractor htmlExtractor, Clock clock, int maxIdsPerRequest) {
        this.maxIdsPerRequest = Math.max(1, maxIdsPerRequest);
        this.arxiv = arxiv;
        this.documents = documents;
        this.events = events;
        this.taxonomy = taxonomy;
        this.extractor = extractor;
        this.htmlExtractor = htmlExtractor;
        this.clock = clock;
    }

    public void fetch(IssuePlan plan) {
        // A paper listed twice in one week is fetched once: events are keyed by paper.
        Map<String, IssuePlan.Item> papers = new LinkedHashMap<>();
        plan.items().forEach(item -> papers.putIfAbsent(item.paper().paperKey(), item));
        Set<String> settled = new LinkedHashSet<>();
        try {
            List<IssuePlan.Item> arxivPapers = papers.values().stream()
                    .filter(item -> item.source() instanceof PaperSource.Arxiv).toList();
            // One id_list request per issue, or per chunk of an issue too large for one request.
            for (int from = 0; from < arxivPapers.size(); from += maxIdsPerRequest) {
                fetchArxivPapers(plan.issueId(),
                        arxivPapers.subList(from, Math.min(arxivPapers.size(), from + maxIdsPerRequest)), settled);
            }
            for (IssuePlan.Item item : papers.values()) {
                if (item.source() instanceof PaperSource.Web web) {
                    settle(plan.issueId(), item, settled, () -> fetchWebPaper(plan.issueId(), item, web.url()));
                } else if (item.source() instanceof PaperSource.Unusable unusable) {
                    settle(plan.issueId(), item, settled, () -> failed(plan.issueId(), item, unusable.reason()));
                }
            }
        } finally {
            for (IssuePlan.Item item : papers.values()) {
                if (!settled.contains(item.paper().paperKey())) {
                    settle(plan.issueId(), item, settled, () -> failed(plan.issueId(), item,
                            "fetching stopped before this paper was done; see the fetcher-service log"));
                }
            }
        }
        LOG.infof("issue %s: %d papers settled", plan.issueId(), settled.size());
    }

    private void fetchArxivPapers(String issueId, List<IssuePlan.Item> items, Set<String> settled) {
        List<ArxivId> ids = items.stream().map(item -> ((PaperSource.Arxiv) item.source()).id()).distinct().toList();
        ArxivFeed feed;
        try {
            feed = arxiv.lookup(ids);
        } catch (ArxivApiException | RuntimeException e) {
            LOG.warnf(e, "issue %s: arXiv lookup of %d papers failed", issueId, ids.size());
            String reason = "arXiv export API lookup failed: " + message(e)
                    + "; plan the issue again to retry";
            items.forEach(item -> settle(issueId, item, settled, () -> failed(issueId, item, reason)));
            return;
        }
        for (IssuePlan.Item item : items) {
            ArxivId id = ((PaperSource.Arxiv) item.source()).id();
            settle(issueId, item, settled, () -> {
                Optional<ArxivEntry> entry = feed.find(id);
                if (entry.isEmpty()) {
                    return failed(issueId, item, "arXiv returned no entry for " + id.versioned()
                            + ": check the id in the list");
                }
                return fetchedFromArxiv(issueId, item, entry.get(), feed.requestUrl());
            });
        }
    }

    private PaperFetched fetchedFromArxiv(String issueId, IssuePlan.Item item, ArxivEntry entry, String queryUrl) {
        String title = entry.title() == null || entry.title().isBlank()
                ? item.paper().title() : TexText.displayTitle(entry.title());
        List<Category> categories = entry.categories().stream().map(taxonomy::category).toList();
        PaperMetadata metadata = new PaperMetadata(title, entry.authors(), entry.summary(), entry.published(),
                entry.updated(), categories, entry.absUrl(), entry.pdfUrl(), entry.doi(), entry.journalRef(),
                entry.comment());
        List<String> notes = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        if (queryUrl != null) {
            sources.add(queryUrl);
        }
        FullText fullText = null;
        try {
            Document pdf = documents.arxivPdf(entry.id());
            sources.add(pdf.url());
            if (!pdf.isPdf()) {
                throw new UnreadableDocumentException("the PDF link answered with "
                        + (pdf.contentType() == null ? "no content type" : pdf.contentType()) + ", not a PDF");
            }
            ExtractedText text = extractor.extract(pdf.body());
            notes.addAll(text.notes());
            fullText = new FullText("pdf", entry.pdfUrl(), text.pages(), text.truncated());
        } catch (DownloadException | UnreadableDocumentException e) {
            notes.add("full text unavailable: " + e.getMessage());
        }
        return new PaperFetched(PaperFetched.SCHEMA_VERSION, issueId, item.paper().paperKey(), entry.id().version(),
                metadata, fullText == null ? ContentLevel.ABSTRACT_ONLY : ContentLevel.FULL_TEXT, fullText, notes,
                sources, clock.instant());
    }

    private DigestEvent fetchWebPaper(String issueId, IssuePlan.Item item, String url) {
        Document document;
        try {
            document = documents.download(url);
        } catch (DownloadException e) {
            return failed(issueId, item, "could not download the paper at " + url + ": " + e.getMessage());
        }
        if (document.isPdf()) {
            ExtractedText text;
            try {
                text = extractor.extract(document.body());
            } catch (UnreadableDocumentException e) {
                return failed(issueId, item, "the PDF at " + url + " could not be read: " + e.getMessage());
            }
            // Only the list row tells us about a paper outside arXiv; what it does not say stays unknown (null).
            PaperMetadata metadata = new PaperMetadata(item.paper().title(), List.of(), null, null, null, List.of(),
                    url, url, null, null, null);
            return new PaperFetched(PaperFetched.SCHEMA_VERSION, issueId, item.paper().paperKey(), null, metadata,
                    ContentLevel.FULL_TEXT, new FullText("pdf", url, text.pages(), text.truncated()), text.notes(),
                    List.of(document.url()), clock.instant());
        }
        if (document.isHtml()) {
            return fetchedFromPage(issueId, item, url, document);
        }
        return failed(issueId, item, "the Paper link " + url + " answered with "
                + (document.contentType() == null ? "no content type" : document.contentType())
                + ", which is neither a PDF nor an HTML page");
    }

    /**
     * A paper presented on a web page (a blog post, a project page): its main text, and what the page's citation or
     * OpenGraph tags say about it. The list row's title stands in when no tag names the paper; every other field no
     * tag provides stays unknown (null).
     */
    private DigestEvent fetchedFromPage(String issueId, IssuePlan.Item item, String url, Document document) {
        org.jsoup.nodes.Document page = HtmlTextExtractor.parse(document.body(), document.contentType(),
                document.url());
        ExtractedText text;
        try {
            text = htmlExtractor.extract(page);
        } catch (UnreadableDocumentException e) {
            return failed(issueId, item, "the page at " + url + " could not be read: " + e.getMessage());
        }
        PageMetadata tags = PageMetadata.read(page);
        String title = tags.title() == null ? item.paper().title() : tags.title();
        PaperMetadata metadata = new PaperMetadata(title, tags.authors(), tags.abstractText(), tags.published(),
                null, List.of(), url, tags.pdfUrl(), tags.doi(), tags.journal(), null);
        return new PaperFetched(PaperFetched.SCHEMA_VERSION, issueId, item.paper().paperKey(), null, metadata,
                ContentLevel.FULL_TEXT, new FullText("html", document.url(), text.pages(), text.truncated()),
                text.notes(), List.of(document.url()), clock.instant());
    }

    /** Runs one paper's work and emits its one event; any exception becomes that paper's failure. */
    private void settle(String issueId, IssuePlan.Item item, Set<String> settled, Supplier<DigestEvent> work) {
        String key = item.paper().paperKey();
        if (settled.contains(key)) {
            return;
        }
        DigestEvent event;
        try {
            event = work.get();
        } catch (RuntimeException e) {
            LOG.errorf(e, "issue %s: unexpected error while fetching %s", issueId, key);
            event = failed(issueId, item, "unexpected error while fetching: " + message(e));
        }
        try {
            if (event instanceof PaperFetched fetched) {
                events.fetched(fetched);
            } else {
                events.failed((PaperFailed) event);
            }
            settled.add(key);
        } catch (RuntimeException e) {
            LOG.errorf(e, "issue %s: could not send the event for %s", issueId, key);
        }
    }

    private PaperFailed failed(String issueId, IssuePlan.Item item, String reason) {
        return new PaperFailed(PaperFailed.SCHEMA_VERSION, issueId, item.paper().paperKey(), Stage.FETCH, reason,
                clock.instant());
    }

    private static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}

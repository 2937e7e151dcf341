package org.paperdigest.fetcher.source.arxiv;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.paperdigest.events.Category;
import org.paperdigest.events.FullText;
import org.paperdigest.events.PaperMetadata;
import org.paperdigest.fetcher.config.FetcherConfig;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.domain.DocumentSource;
import org.paperdigest.fetcher.extract.HtmlTextExtractor;
import org.paperdigest.fetcher.extract.PdfTextExtractor;
import org.paperdigest.fetcher.source.PaperContent;
import org.paperdigest.fetcher.source.PaperReader;
import org.paperdigest.fetcher.source.PaperToRead;
import org.paperdigest.fetcher.source.Reading;
import org.paperdigest.fetcher.source.UnreadablePaperException;

/**
 * Reads arXiv papers: the metadata of all of an issue's papers in one export-API request (or one per chunk of an
 * issue too large for one), then each paper's full text ({@link ArxivFullText}) once its chunk is looked up.
 */
@ApplicationScoped
public class ArxivReader implements PaperReader<ArxivSource> {

    private static final Logger LOG = Logger.getLogger(ArxivReader.class);

    private final ArxivLookup arxiv;
    private final ArxivTaxonomy taxonomy;
    private final ArxivDocuments documents;
    private final ArxivFullText fullText;
    private final int maxIdsPerRequest;

    @Inject
    ArxivReader(ArxivLookup arxiv, DocumentSource documents, ArxivTaxonomy taxonomy, PdfTextExtractor pdfExtractor,
            HtmlTextExtractor htmlExtractor, FetcherConfig config) {
        this(arxiv, documents, taxonomy, pdfExtractor, htmlExtractor, config.arxiv().maxIdsPerRequest());
    }

    /** @param maxIdsPerRequest most ids in one export-API request; more papers are looked up in several */
    public ArxivReader(ArxivLookup arxiv, DocumentSource documents, ArxivTaxonomy taxonomy,
            PdfTextExtractor pdfExtractor, HtmlTextExtractor htmlExtractor, int maxIdsPerRequest) {
        this.arxiv = arxiv;
        this.taxonomy = taxonomy;
        this.documents = new ArxivDocuments(documents);
        this.fullText = new ArxivFullText(pdfExtractor, htmlExtractor);
        this.maxIdsPerRequest = Math.max(1, maxIdsPerRequest);
    }

    @Override
    public Class<ArxivSource> kind() {
        return ArxivSource.class;
    }

    @Override
    public void read(List<PaperToRead<ArxivSource>> papers, Reading reading) {
        for (List<PaperToRead<ArxivSource>> chunk : lookupChunks(papers)) {
            reading.lookUp(() -> lookUpAndRead(chunk, reading));
        }
    }

    /** The papers in list order, cut where one more would put over {@code maxIdsPerRequest} ids in a request. */
    private List<List<PaperToRead<ArxivSource>>> lookupChunks(List<PaperToRead<ArxivSource>> papers) {
        List<List<PaperToRead<ArxivSource>>> chunks = new ArrayList<>();
        List<PaperToRead<ArxivSource>> chunk = new ArrayList<>();
        int ids = 0;
        for (PaperToRead<ArxivSource> paper : papers) {
            int paperIds = lookupIds(List.of(paper)).size();
            if (!chunk.isEmpty() && ids + paperIds > maxIdsPerRequest) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                ids = 0;
            }
            chunk.add(paper);
            ids += paperIds;
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
    private static List<ArxivId> lookupIds(List<PaperToRead<ArxivSource>> papers) {
        return papers.stream().map(paper -> paper.source().id())
                .flatMap(id -> id.version() == null ? Stream.of(id) : Stream.of(id, id.withoutVersion()))
                .distinct().toList();
    }

    private void lookUpAndRead(List<PaperToRead<ArxivSource>> papers, Reading reading) {
        List<ArxivId> ids = lookupIds(papers);
        ArxivFeed feed;
        try {
            feed = arxiv.lookup(ids);
        } catch (ArxivApiException | RuntimeException e) {
            LOG.warnf(e, "arXiv lookup of %d papers failed", ids.size());
            String reason = "arXiv export API lookup failed: " + message(e) + "; plan the issue again to retry";
            papers.forEach(paper -> reading.fail(paper, reason));
            return;
        }
        papers.forEach(paper -> reading.start(paper, () -> read(paper, feed)));
    }

    private PaperContent read(PaperToRead<ArxivSource> paper, ArxivFeed feed) throws UnreadablePaperException {
        ArxivId id = paper.source().id();
        ArxivEntry entry = feed.find(id).orElseThrow(() -> new UnreadablePaperException(
                "arXiv returned no entry for " + id.versioned() + ": check the id in the list"));
        String title = entry.title() == null || entry.title().isBlank()
                ? paper.paper().title() : TexText.displayTitle(entry.title());
        List<Category> categories = entry.categories().stream().map(taxonomy::category).toList();
        PaperMetadata metadata = new PaperMetadata(title, entry.authors(), entry.summary(), entry.published(),
                entry.updated(), categories, entry.absUrl(), entry.pdfUrl(), entry.doi(), entry.journalRef(),
                entry.comment());
        ArxivFullText.Findings findings = new ArxivFullText.Findings();
        feed.latestVersion(entry.id().id()).filter(latest -> !latest.equals(entry.id().version()))
                .ifPresent(latest -> findings.notes.add("the list links to version " + entry.id().version()
                        + ", which is the version read; arXiv's latest version is " + latest));
        if (feed.requestUrl() != null) {
            findings.sources.add(feed.requestUrl());
        }
        FullText text = fullText.read(entry, documents.of(entry.id()), findings);
        return new PaperContent(entry.id().version(), metadata, text, findings.notes, findings.sources,
                findings.hidden);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}

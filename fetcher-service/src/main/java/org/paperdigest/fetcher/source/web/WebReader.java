package org.paperdigest.fetcher.source.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.paperdigest.events.FullText;
import org.paperdigest.events.PaperMetadata;
import org.paperdigest.fetcher.domain.Document;
import org.paperdigest.fetcher.domain.DocumentSource;
import org.paperdigest.fetcher.domain.DownloadException;
import org.paperdigest.fetcher.extract.ExtractedText;
import org.paperdigest.fetcher.extract.HtmlTextExtractor;
import org.paperdigest.fetcher.extract.PdfTextExtractor;
import org.paperdigest.fetcher.extract.UnreadableDocumentException;
import org.paperdigest.fetcher.source.PaperContent;
import org.paperdigest.fetcher.source.PaperReader;
import org.paperdigest.fetcher.source.PaperToRead;
import org.paperdigest.fetcher.source.Reading;
import org.paperdigest.fetcher.source.UnreadablePaperException;

/**
 * Reads a paper a list row links to on another host: a PDF, or a web page (a blog post, a project page). Each needs
 * no lookup, so every paper starts at once.
 */
@ApplicationScoped
public class WebReader implements PaperReader<WebSource> {

    private final DocumentSource documents;
    private final PdfTextExtractor pdfExtractor;
    private final HtmlTextExtractor htmlExtractor;

    @Inject
    public WebReader(DocumentSource documents, PdfTextExtractor pdfExtractor, HtmlTextExtractor htmlExtractor) {
        this.documents = documents;
        this.pdfExtractor = pdfExtractor;
        this.htmlExtractor = htmlExtractor;
    }

    @Override
    public Class<WebSource> kind() {
        return WebSource.class;
    }

    @Override
    public void read(List<PaperToRead<WebSource>> papers, Reading reading) {
        papers.forEach(paper -> reading.start(paper, () -> read(paper)));
    }

    private PaperContent read(PaperToRead<WebSource> paper) throws UnreadablePaperException {
        String url = paper.source().url();
        Document document;
        try {
            document = documents.download(url);
        } catch (DownloadException e) {
            throw new UnreadablePaperException("could not download the paper at " + url + ": " + e.getMessage());
        }
        if (document.isPdf()) {
            return fromPdf(paper, url, document);
        }
        if (document.isHtml()) {
            return fromPage(paper, url, document);
        }
        throw new UnreadablePaperException("the Paper link " + url + " answered with " + document.typeForMessage()
                + ", which is neither a PDF nor an HTML page");
    }

    private PaperContent fromPdf(PaperToRead<WebSource> paper, String url, Document document)
            throws UnreadablePaperException {
        ExtractedText text;
        try {
            text = pdfExtractor.extract(document.body());
        } catch (UnreadableDocumentException e) {
            throw new UnreadablePaperException("the PDF at " + url + " could not be read: " + e.getMessage());
        }
        // Only the list row tells us about a paper outside arXiv; what it does not say stays unknown (null).
        PaperMetadata metadata = new PaperMetadata(paper.paper().title(), List.of(), null, null, null, List.of(),
                url, url, null, null, null);
        return new PaperContent(null, metadata, new FullText("pdf", url, text.pages(), text.truncated()),
                text.notes(), List.of(document.url()), text.hidden());
    }

    /**
     * A paper presented on a web page: its main text, and what the page's citation or OpenGraph tags say about it.
     * The list row's title stands in when no tag names the paper; every other field no tag provides stays unknown
     * (null).
     */
    private PaperContent fromPage(PaperToRead<WebSource> paper, String url, Document document)
            throws UnreadablePaperException {
        org.jsoup.nodes.Document page = HtmlTextExtractor.parse(document.body(), document.contentType(),
                document.url());
        ExtractedText text;
        try {
            text = htmlExtractor.extract(page);
        } catch (UnreadableDocumentException e) {
            throw new UnreadablePaperException("the page at " + url + " could not be read: " + e.getMessage());
        }
        PageMetadata tags = PageMetadata.read(page);
        String title = tags.title() == null ? paper.paper().title() : tags.title();
        PaperMetadata metadata = new PaperMetadata(title, tags.authors(), tags.abstractText(), tags.published(),
                null, List.of(), url, tags.pdfUrl(), tags.doi(), tags.journal(), null);
        return new PaperContent(null, metadata, new FullText("html", document.url(), text.pages(), text.truncated()),
                text.notes(), List.of(document.url()), text.hidden());
    }
}

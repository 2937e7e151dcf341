package org.paperdigest.fetcher.source.arxiv;

import java.util.List;
import org.jboss.logging.Logger;
import org.paperdigest.events.FlaggedPassage;
import org.paperdigest.events.FullText;
import org.paperdigest.fetcher.domain.Document;
import org.paperdigest.fetcher.domain.DownloadException;
import org.paperdigest.fetcher.extract.ExtractedText;
import org.paperdigest.fetcher.extract.HtmlPageMap;
import org.paperdigest.fetcher.extract.HtmlTextExtractor;
import org.paperdigest.fetcher.extract.PdfTextExtractor;
import org.paperdigest.fetcher.extract.RenderingHiddenText;
import org.paperdigest.fetcher.extract.UnreadableDocumentException;
import org.paperdigest.fetcher.source.arxiv.ArxivDocuments.Download;
import org.paperdigest.fetcher.source.arxiv.ArxivDocuments.Downloads;

/**
 * An arXiv paper's full text: its HTML rendering where it exists, with each block on the PDF page it stands on, else
 * its PDF read in layout order; null when neither can be read (the paper is then abstract-only). Adds what a reader
 * should know to {@code notes} and every document read to {@code sources}.
 */
final class ArxivFullText {

    private static final Logger LOG = Logger.getLogger(ArxivFullText.class);

    private final PdfTextExtractor pdfExtractor;
    private final HtmlTextExtractor htmlExtractor;

    ArxivFullText(PdfTextExtractor pdfExtractor, HtmlTextExtractor htmlExtractor) {
        this.pdfExtractor = pdfExtractor;
        this.htmlExtractor = htmlExtractor;
    }

    /** @param hidden gets the text no reader sees, which the full text leaves out */
    FullText read(ArxivEntry entry, Downloads downloads, List<String> notes, List<String> sources,
            List<FlaggedPassage> hidden) {
        FullText rendering = rendering(entry, downloads, notes, sources, hidden);
        return rendering != null ? rendering : pdf(entry, downloads.pdf(), notes, sources, hidden);
    }

    /**
     * arXiv's HTML rendering where it exists: real sections and math as TeX, read in order with no column or
     * running-header guesswork. Null when there is none (most papers before December 2023) or it cannot be read.
     */
    private FullText rendering(ArxivEntry entry, Downloads downloads, List<String> notes, List<String> sources,
            List<FlaggedPassage> hidden) {
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
            Document pdf = download.orThrow();
            if (!pdf.isPdf()) {
                throw new UnreadableDocumentException("the PDF link answered with " + pdf.typeForMessage()
                        + ", not a PDF");
            }
            ExtractedText pages = pdfExtractor.extract(pdf.body());
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

    private FullText pdf(ArxivEntry entry, Download download, List<String> notes, List<String> sources,
            List<FlaggedPassage> hidden) {
        try {
            Document pdf = download.orThrow();
            sources.add(pdf.url());
            if (!pdf.isPdf()) {
                throw new UnreadableDocumentException("the PDF link answered with " + pdf.typeForMessage()
                        + ", not a PDF");
            }
            ExtractedText text = pdfExtractor.extract(pdf.body());
            notes.addAll(text.notes());
            hidden.addAll(text.hidden());
            return new FullText("pdf", entry.pdfUrl(), text.pages(), text.truncated());
        } catch (DownloadException | UnreadableDocumentException e) {
            notes.add("full text unavailable: " + e.getMessage());
            return null;
        }
    }
}

package org.paperdigest.fetcher.source.arxiv;

import java.util.ArrayList;
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
 * its PDF read in layout order; none when neither can be read (the paper is then abstract-only). Beside the text,
 * what reading found ({@link Findings}).
 */
final class ArxivFullText {

    private static final Logger LOG = Logger.getLogger(ArxivFullText.class);

    private final PdfTextExtractor pdfExtractor;
    private final HtmlTextExtractor htmlExtractor;

    ArxivFullText(PdfTextExtractor pdfExtractor, HtmlTextExtractor htmlExtractor) {
        this.pdfExtractor = pdfExtractor;
        this.htmlExtractor = htmlExtractor;
    }

    /**
     * What reading a paper found beside its text: what a reader should know, every document read, and the text no
     * reader sees, which the full text leaves out.
     */
    static final class Findings {
        final List<String> notes = new ArrayList<>();
        final List<String> sources = new ArrayList<>();
        final List<FlaggedPassage> hidden = new ArrayList<>();
    }

    /** The paper's full text, or null when none can be read; what reading found goes to {@code findings}. */
    FullText read(ArxivEntry entry, Downloads downloads, Findings findings) {
        FullText rendering = rendering(entry, downloads, findings);
        return rendering != null ? rendering : pdf(entry, downloads.pdf(), findings);
    }

    /**
     * arXiv's HTML rendering where it exists: real sections and math as TeX, read in order with no column or
     * running-header guesswork. Null when there is none (most papers before December 2023) or it cannot be read.
     */
    private FullText rendering(ArxivEntry entry, Downloads downloads, Findings findings) {
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
            findings.sources.add(html.url());
            findings.notes.addAll(text.notes());
            return onPdfPages(new FullText("html", html.url(), text.pages(), text.truncated()), text.hidden(),
                    downloads.pdf(), findings);
        } catch (UnreadableDocumentException e) {
            findings.notes.add("arXiv's HTML rendering could not be read (" + e.getMessage() + "); the PDF was read instead");
            return null;
        }
    }

    /**
     * The rendering's text with each block on the PDF page it stands on, so quotes from it name their page, and
     * without what the PDF hides from readers. Without a readable PDF the text stays one page, cited by section.
     */
    private FullText onPdfPages(FullText rendering, List<FlaggedPassage> renderingHidden, Download download,
            Findings findings) {
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
            findings.hidden.addAll(seen.hidden());
            findings.sources.add(pdf.url());
            findings.notes.add("quotes cite the PDF's pages: " + mapped.found() + " of the rendering's " + mapped.blocks()
                    + " passages were found in the PDF, the rest take the page of the passage before them");
            return new FullText(rendering.format(), rendering.sourceUrl(), seen.pages(), rendering.truncated(),
                    true);
        } catch (DownloadException | UnreadableDocumentException e) {
            findings.notes.add("the PDF could not be read (" + e.getMessage()
                    + "), so quotes cite sections, not pages");
            findings.hidden.addAll(renderingHidden);
            return rendering;
        }
    }

    private FullText pdf(ArxivEntry entry, Download download, Findings findings) {
        try {
            Document pdf = download.orThrow();
            findings.sources.add(pdf.url());
            if (!pdf.isPdf()) {
                throw new UnreadableDocumentException("the PDF link answered with " + pdf.typeForMessage()
                        + ", not a PDF");
            }
            ExtractedText text = pdfExtractor.extract(pdf.body());
            findings.notes.addAll(text.notes());
            findings.hidden.addAll(text.hidden());
            return new FullText("pdf", entry.pdfUrl(), text.pages(), text.truncated());
        } catch (DownloadException | UnreadableDocumentException e) {
            findings.notes.add("full text unavailable: " + e.getMessage());
            return null;
        }
    }
}

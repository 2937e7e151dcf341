package org.paperdigest.events;

import java.time.LocalDate;
import java.util.List;

/**
 * What is known about a paper. Fields no source provides are null and are shown to readers as unknown.
 *
 * @param title     as the source writes it, never translated
 * @param published first version's date
 * @param updated   the fetched version's date
 * @param url       the paper's landing page (arXiv abs page for arXiv papers)
 * @param pdfUrl    the full text's PDF, where there is one
 */
public record PaperMetadata(
        String title,
        List<String> authors,
        String abstractText,
        LocalDate published,
        LocalDate updated,
        List<Category> categories,
        String url,
        String pdfUrl,
        String doi,
        String journalRef,
        String comment) {
}

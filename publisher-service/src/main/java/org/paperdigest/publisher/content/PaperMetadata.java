package org.paperdigest.publisher.content;

import java.time.LocalDate;
import java.util.List;

/**
 * What a revision shows of a paper's metadata; fields no source provided are null and read as unknown.
 *
 * @param title     as the source writes it, never translated
 * @param published first version's date
 * @param updated   the fetched version's date
 * @param url       the paper's landing page
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

package org.paperdigest.fetcher.source.arxiv;

import java.time.LocalDate;
import java.util.List;
import org.paperdigest.fetcher.domain.ArxivId;

/**
 * One paper as the arXiv export API describes it; text fields are whitespace-collapsed but otherwise raw.
 *
 * @param id         with the version the entry describes
 * @param categories codes, primary first
 * @param absUrl     https abs page of that version
 * @param pdfUrl     https PDF of that version
 */
public record ArxivEntry(
        ArxivId id,
        String title,
        String summary,
        List<String> authors,
        LocalDate published,
        LocalDate updated,
        List<String> categories,
        String absUrl,
        String pdfUrl,
        String doi,
        String journalRef,
        String comment) {

    public ArxivEntry {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }
}

package org.paperdigest.fetcher.extract;

import java.util.List;
import org.paperdigest.events.Page;

/**
 * The text of a document by page.
 *
 * @param pageCount pages the document has (pages that could not be read are missing from {@code pages})
 * @param truncated true when the length cap cut the text
 * @param notes     what a reader should know: pages left out, where the cap cut
 */
public record ExtractedText(List<Page> pages, int pageCount, boolean truncated, List<String> notes) {

    public ExtractedText {
        pages = List.copyOf(pages);
        notes = List.copyOf(notes);
    }

    public int length() {
        return pages.stream().mapToInt(page -> page.text().length()).sum();
    }
}

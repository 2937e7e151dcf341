package org.paperdigest.fetcher.extract;

import java.util.List;
import org.paperdigest.events.FlaggedPassage;
import org.paperdigest.events.Page;

/**
 * The text of a document by page.
 *
 * @param pageCount pages the document has (pages that could not be read are missing from {@code pages})
 * @param truncated true when the length cap cut the text
 * @param notes     what a reader should know: pages left out, where the cap cut
 * @param hidden    text no reader sees, left out of {@code pages}
 */
public record ExtractedText(List<Page> pages, int pageCount, boolean truncated, List<String> notes,
        List<FlaggedPassage> hidden) {

    public ExtractedText {
        pages = List.copyOf(pages);
        notes = List.copyOf(notes);
        hidden = List.copyOf(hidden);
    }

    /** Text in which nothing is hidden. */
    public ExtractedText(List<Page> pages, int pageCount, boolean truncated, List<String> notes) {
        this(pages, pageCount, truncated, notes, List.of());
    }

    public int length() {
        return pages.stream().mapToInt(page -> page.text().length()).sum();
    }
}

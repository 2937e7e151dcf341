package org.paperdigest.fetcher.source;

import java.util.List;
import org.paperdigest.events.FlaggedPassage;
import org.paperdigest.events.FullText;
import org.paperdigest.events.PaperMetadata;

/**
 * What reading a paper gave: its {@code papers-fetched} event but for the issue it is fetched for.
 *
 * @param version    the version read (arXiv's {@code v2}); null where the source has none
 * @param fullText   null when only the metadata could be read: the paper is then abstract-only
 * @param notes      what a reader of the paper should know about how it was read
 * @param sourceUrls every URL the paper was read from
 * @param hidden     text no reader of the paper sees, left out of {@code fullText}
 */
public record PaperContent(String version, PaperMetadata metadata, FullText fullText, List<String> notes,
        List<String> sourceUrls, List<FlaggedPassage> hidden) {

    public PaperContent {
        notes = List.copyOf(notes);
        sourceUrls = List.copyOf(sourceUrls);
        hidden = List.copyOf(hidden);
    }
}

package org.paperdigest.fetcher.list;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.paperdigest.events.Link;
import org.paperdigest.events.PaperKeys;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.source.PaperSource;
import org.paperdigest.fetcher.source.NothingToRead;
import org.paperdigest.fetcher.source.arxiv.ArxivSource;
import org.paperdigest.fetcher.source.web.WebSource;

/**
 * Decides a row's kind of source, and so the reader of its paper: an arXiv link under any label first (metadata and
 * PDF are reliable there), else the link labelled Paper, else none (the row fails with what to fix).
 */
public final class PaperLinkChooser {

    private PaperLinkChooser() {
    }

    /**
     * @param rowReference a URL naming the row itself, used as the key of a row that has no links at all
     */
    public static PaperSource choose(ListRow row, String rowReference) {
        for (Link link : row.links()) {
            Optional<ArxivId> id = ArxivId.fromUrl(link.url());
            if (id.isPresent()) {
                return new ArxivSource(id.get());
            }
        }
        for (Link link : row.links()) {
            if (link.label().toLowerCase(Locale.ROOT).startsWith("paper")) {
                return new WebSource(link.url());
            }
        }
        if (row.links().isEmpty()) {
            return new NothingToRead(PaperKeys.url(rowReference),
                    "the list row \"" + row.title() + "\" has no links; add a Paper link to the list");
        }
        return new NothingToRead(PaperKeys.url(row.links().get(0).url()), "the list row \"" + row.title()
                + "\" has no Paper link and no arXiv link (its links: "
                + row.links().stream().map(Link::label).collect(Collectors.joining(", ")) + ")");
    }
}

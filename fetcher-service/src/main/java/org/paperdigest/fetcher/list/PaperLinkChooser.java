package org.paperdigest.fetcher.list;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.paperdigest.events.Link;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.source.PaperSource;

/**
 * Picks the link a row's paper is read from: an arXiv link under any label first (metadata and PDF are reliable
 * there), else the link labelled Paper.
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
                return new PaperSource.Arxiv(id.get());
            }
        }
        for (Link link : row.links()) {
            if (link.label().toLowerCase(Locale.ROOT).startsWith("paper")) {
                return new PaperSource.Web(link.url());
            }
        }
        if (row.links().isEmpty()) {
            return new PaperSource.Unusable(rowReference,
                    "the list row \"" + row.title() + "\" has no links; add a Paper link to the list");
        }
        return new PaperSource.Unusable(row.links().get(0).url(), "the list row \"" + row.title()
                + "\" has no Paper link and no arXiv link (its links: "
                + row.links().stream().map(Link::label).collect(Collectors.joining(", ")) + ")");
    }
}

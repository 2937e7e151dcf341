package org.paperdigest.fetcher.source.arxiv;

import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.source.PaperSource;

/** An arXiv paper; {@code id} keeps the version the list's link names, if any. */
public record ArxivSource(ArxivId id) implements PaperSource {

    @Override
    public String paperKey() {
        return id.paperKey();
    }
}

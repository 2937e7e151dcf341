package org.paperdigest.fetcher.source;

import org.paperdigest.events.PaperKeys;
import org.paperdigest.fetcher.domain.ArxivId;

/** Where a list row's paper is read from. */
public sealed interface PaperSource {

    /** The paper's identity across events. */
    String paperKey();

    /** An arXiv paper; {@code id} keeps the version the list's link names, if any. */
    record Arxiv(ArxivId id) implements PaperSource {
        @Override
        public String paperKey() {
            return id.paperKey();
        }
    }

    /** A paper published elsewhere (a PDF or a web page). */
    record Web(String url) implements PaperSource {
        @Override
        public String paperKey() {
            return PaperKeys.url(url);
        }
    }

    /**
     * A row with nothing we can read; it still gets a stable key so its failure can be reported.
     *
     * @param keyUrl the URL the key is derived from (the row's first link, or a reference to the row itself)
     * @param reason what a person should fix
     */
    record Unusable(String keyUrl, String reason) implements PaperSource {
        @Override
        public String paperKey() {
            return PaperKeys.url(keyUrl);
        }
    }
}

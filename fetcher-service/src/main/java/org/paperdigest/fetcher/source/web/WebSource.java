package org.paperdigest.fetcher.source.web;

import org.paperdigest.events.PaperKeys;
import org.paperdigest.fetcher.source.PaperSource;

/** A paper published elsewhere than arXiv: a PDF or a web page. */
public record WebSource(String url) implements PaperSource {

    @Override
    public String paperKey() {
        return PaperKeys.url(url);
    }
}

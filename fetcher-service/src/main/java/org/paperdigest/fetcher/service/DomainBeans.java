package org.paperdigest.fetcher.service;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.paperdigest.fetcher.config.FetcherConfig;
import org.paperdigest.fetcher.extract.HtmlTextExtractor;
import org.paperdigest.fetcher.extract.PdfTextExtractor;
import org.paperdigest.fetcher.source.arxiv.ArxivTaxonomy;

/** The plain domain objects the services use, configured once. */
public class DomainBeans {

    @Produces
    @Singleton
    ArxivTaxonomy taxonomy() {
        return ArxivTaxonomy.load();
    }

    @Produces
    @Singleton
    PdfTextExtractor pdfTextExtractor(FetcherConfig config) {
        return new PdfTextExtractor(config.text().maxChars());
    }

    @Produces
    @Singleton
    HtmlTextExtractor htmlTextExtractor(FetcherConfig config) {
        return new HtmlTextExtractor(config.text().maxChars());
    }
}

package org.paperdigest.fetcher.domain;

/** Downloads the documents papers are read from. */
public interface DocumentSource {

    /** The PDF of one arXiv paper version. */
    Document arxivPdf(ArxivId versionedId) throws DownloadException;

    /** arXiv's HTML rendering of one paper version; most papers before late 2023 have none (HTTP 404). */
    Document arxivHtml(ArxivId versionedId) throws DownloadException;

    /** A document a list row links to (a PDF or a web page elsewhere). */
    Document download(String url) throws DownloadException;
}

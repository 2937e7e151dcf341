package org.paperdigest.fetcher.domain;

/** Downloads the documents papers are read from. */
public interface DocumentSource {

    /** The PDF of one arXiv paper version. */
    Document arxivPdf(ArxivId versionedId) throws DownloadException;

    /** A document a list row links to (a PDF or a web page elsewhere). */
    Document download(String url) throws DownloadException;
}

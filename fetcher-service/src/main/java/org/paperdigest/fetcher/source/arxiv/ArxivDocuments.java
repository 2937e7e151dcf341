package org.paperdigest.fetcher.source.arxiv;

import java.util.concurrent.locks.ReentrantLock;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.domain.Document;
import org.paperdigest.fetcher.domain.DocumentSource;
import org.paperdigest.fetcher.domain.DownloadException;

/**
 * Downloads a paper's HTML rendering and PDF back to back: arXiv's calls are one at a time anyway, and a paper whose
 * documents are all here can be read while the next paper's download. Every paper downloads its PDF, as the source
 * of its text or for the pages of its rendering's passages.
 */
final class ArxivDocuments {

    private final DocumentSource documents;
    /** Held while one paper's documents download, so that each paper's come back to back. */
    private final ReentrantLock turns = new ReentrantLock(true);

    ArxivDocuments(DocumentSource documents) {
        this.documents = documents;
    }

    Downloads of(ArxivId id) {
        turns.lock();
        try {
            return new Downloads(Download.of(() -> documents.arxivHtml(id)), Download.of(() -> documents.arxivPdf(id)));
        } finally {
            turns.unlock();
        }
    }

    record Downloads(Download html, Download pdf) {
    }

    /** A downloaded document, or why it could not be downloaded. */
    record Download(Document document, DownloadException failure) {

        interface Get {
            Document get() throws DownloadException;
        }

        static Download of(Get get) {
            try {
                return new Download(get.get(), null);
            } catch (DownloadException e) {
                return new Download(null, e);
            }
        }

        Document orThrow() throws DownloadException {
            if (failure != null) {
                throw failure;
            }
            return document;
        }
    }
}

package org.paperdigest.fetcher.source.arxiv;

/** The export API could not answer: an error feed, an HTTP failure, or an answer that is not a feed. */
public class ArxivApiException extends Exception {

    public ArxivApiException(String message) {
        super(message);
    }

    public ArxivApiException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.paperdigest.fetcher.domain;

/** A document could not be downloaded; the message says why in words a reader of the event understands. */
public class DownloadException extends Exception {

    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}

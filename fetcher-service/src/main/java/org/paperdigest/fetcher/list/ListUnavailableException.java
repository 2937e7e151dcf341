package org.paperdigest.fetcher.list;

/** The weekly list could not be read; the message names the URL and what went wrong. */
public class ListUnavailableException extends RuntimeException {

    public ListUnavailableException(String message) {
        super(message);
    }

    public ListUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.paperdigest.fetcher.rest;

/** A request the caller must change; the message says how. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}

package org.paperdigest.fetcher.service;

/** The broker did not take an issue plan; nothing was fetched, the request can be repeated. */
public class PlanNotSentException extends RuntimeException {

    public PlanNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.paperdigest.publisher.rest;

/** A path parameter that cannot be an issue id. */
public class MalformedIssueIdException extends RuntimeException {

    public MalformedIssueIdException(String message) {
        super(message);
    }
}

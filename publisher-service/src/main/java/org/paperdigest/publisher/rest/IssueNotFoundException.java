package org.paperdigest.publisher.rest;

/** No issue (or no published revision) under the requested id. */
public class IssueNotFoundException extends RuntimeException {

    public IssueNotFoundException(String message) {
        super(message);
    }

    public static IssueNotFoundException notPlanned(String issueId) {
        return new IssueNotFoundException("No issue " + issueId + " has been planned");
    }
}

package org.paperdigest.publisher.rest;

/** No issue (or no published revision) under the requested id. */
public class IssueNotFoundException extends RuntimeException {

    public IssueNotFoundException(String message) {
        super(message);
    }

    public static IssueNotFoundException notPlanned(String issueId) {
        return new IssueNotFoundException("No issue " + issueId + " has been planned");
    }

    /** @param latest where the client finds the issue's latest revision in the form it asked for */
    public static IssueNotFoundException noRevision(String issueId, int revision, String latest) {
        return new IssueNotFoundException("Issue " + issueId + " has no published revision " + revision + "; see "
                + latest + " for its latest");
    }
}

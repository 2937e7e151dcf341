package org.paperdigest.publisher.rest;

import org.paperdigest.publisher.domain.IssueIds;

/** Checks issue ids taken from request paths. */
final class IssueIdParam {

    private IssueIdParam() {
    }

    static String valid(String issueId) {
        IssueIds.problem(issueId).ifPresent(problem -> {
            throw new MalformedIssueIdException("Malformed issue id '" + issueId + "': " + problem);
        });
        return issueId;
    }
}

package org.paperdigest.publisher.service;

/** A regeneration that cannot be made, and why, for the editor who asked. */
public class RegenerationRefusedException extends RuntimeException {

    public enum Why {
        /** The request itself is malformed. */
        INVALID,
        /** No such issue, or no such paper in its plan. */
        NOT_FOUND,
        /** The issue is not published yet, or its next revision is already being made. */
        CONFLICT
    }

    private final Why why;

    public RegenerationRefusedException(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}

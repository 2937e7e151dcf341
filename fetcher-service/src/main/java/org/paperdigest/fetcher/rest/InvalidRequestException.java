package org.paperdigest.fetcher.rest;

import java.util.List;

/** A request the caller must change; the message says how. */
public class InvalidRequestException extends RuntimeException {

    private final List<String> invalidIds;
    private final List<String> duplicateIds;

    public InvalidRequestException(String message) {
        this(message, List.of(), List.of());
    }

    /** A custom issue whose ids are wrong; the lists name them (either may be empty). */
    public InvalidRequestException(String message, List<String> invalidIds, List<String> duplicateIds) {
        super(message);
        this.invalidIds = List.copyOf(invalidIds);
        this.duplicateIds = List.copyOf(duplicateIds);
    }

    public List<String> invalidIds() {
        return invalidIds;
    }

    public List<String> duplicateIds() {
        return duplicateIds;
    }
}

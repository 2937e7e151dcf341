package org.paperdigest.publisher.domain;

/** The state of one pipeline stage of one paper. */
public enum StageStatus {
    PENDING,
    DONE,
    FAILED,
    /** The stage will never run because the paper could not be fetched. */
    SKIPPED
}

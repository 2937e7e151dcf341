package org.paperdigest.publisher.domain;

/** Where one push of a revision to one channel stands. */
public enum DeliveryStatus {
    /** Waiting for its first attempt, or for the next after a failed one. */
    PENDING,
    /** An attempt is under way. A publisher that stops during it leaves the delivery here: never sent twice. */
    SENDING,
    DELIVERED,
    /** Every attempt failed; {@code lastError} says why the last one did. */
    FAILED
}

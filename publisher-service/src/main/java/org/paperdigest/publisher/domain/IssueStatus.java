package org.paperdigest.publisher.domain;

/** Where an issue stands, as readers see it. */
public enum IssueStatus {
    /** Paper events arrived before the issue's plan; the issue is not shown until its plan arrives. */
    AWAITING_PLAN,
    /** The plan is stored; no paper of it has reported anything yet. */
    PLANNED,
    /** Some papers of the plan have reported; not all are complete. */
    IN_PROGRESS,
    /**
     * Every paper is complete or failed for good; the revision is being assembled and announced (and is retried
     * on a schedule should the announcement fail).
     */
    COMPLETE,
    /** Every paper is complete or failed for good; a revision is stored and announced. */
    PUBLISHED,
    /**
     * A revision is published and readable; an editor asked for the next one, whose regenerated papers are being
     * made again. Once they are all complete the issue becomes {@link #COMPLETE} and the next revision is published.
     */
    REGENERATING
}

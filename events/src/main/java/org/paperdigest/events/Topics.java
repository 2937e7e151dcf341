package org.paperdigest.events;

/** Kafka topic names; each service's channel of the same name reads or writes it. */
public final class Topics {
    public static final String ISSUE_PLANS = "issue-plans";
    public static final String PAPERS_FETCHED = "papers-fetched";
    public static final String PAPER_SUMMARIES = "paper-summaries";
    public static final String PAPER_ANSWERS = "paper-answers";
    public static final String PAPER_FAILURES = "paper-failures";
    public static final String ISSUES_PUBLISHED = "issues-published";
    /** Commands from the publisher: make papers of a published issue again, for a new revision. */
    public static final String REGENERATION_REQUESTS = "regeneration-requests";

    /** Where a consumer puts a record it cannot parse, so the rest of the topic keeps flowing. */
    public static String deadLetter(String topic) {
        return topic + "-dlq";
    }

    private Topics() {
    }
}

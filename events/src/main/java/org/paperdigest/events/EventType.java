package org.paperdigest.events;

import java.util.List;

/**
 * One kind of event: its CloudEvents type, payload record, topic and JSON Schema.
 *
 * @param ceType     the {@code ce_type} header value
 * @param payload    the record the JSON maps to
 * @param topic      the topic it travels on
 * @param schemaName the schema file under {@code /schemas} and the golden sample under {@code /golden}
 */
public record EventType<T extends DigestEvent>(String ceType, Class<T> payload, String topic, String schemaName) {

    public static final EventType<IssuePlanned> ISSUE_PLANNED = new EventType<>(
            "org.paperdigest.issue.planned", IssuePlanned.class, Topics.ISSUE_PLANS, "issue-planned");
    public static final EventType<PaperFetched> PAPER_FETCHED = new EventType<>(
            "org.paperdigest.paper.fetched", PaperFetched.class, Topics.PAPERS_FETCHED, "paper-fetched");
    public static final EventType<PaperSummarized> PAPER_SUMMARIZED = new EventType<>(
            "org.paperdigest.paper.summarized", PaperSummarized.class, Topics.PAPER_SUMMARIES, "paper-summarized");
    public static final EventType<PaperAnswered> PAPER_ANSWERED = new EventType<>(
            "org.paperdigest.paper.answered", PaperAnswered.class, Topics.PAPER_ANSWERS, "paper-answered");
    public static final EventType<PaperFailed> PAPER_FAILED = new EventType<>(
            "org.paperdigest.paper.failed", PaperFailed.class, Topics.PAPER_FAILURES, "paper-failed");
    public static final EventType<IssuePublished> ISSUE_PUBLISHED = new EventType<>(
            "org.paperdigest.issue.published", IssuePublished.class, Topics.ISSUES_PUBLISHED, "issue-published");

    public static final EventType<RegenerationRequested> REGENERATION_REQUESTED = new EventType<>(
            "org.paperdigest.issue.regeneration-requested", RegenerationRequested.class,
            Topics.REGENERATION_REQUESTS, "regeneration-requested");

    public static final List<EventType<?>> ALL = List.of(
            ISSUE_PLANNED, PAPER_FETCHED, PAPER_SUMMARIZED, PAPER_ANSWERED, PAPER_FAILED, ISSUE_PUBLISHED,
            REGENERATION_REQUESTED);

    @SuppressWarnings("unchecked")
    public static <T extends DigestEvent> EventType<T> of(T event) {
        return (EventType<T>) ALL.stream()
                .filter(type -> type.payload().isInstance(event))
                .findFirst()
                .orElseThrow();
    }

    public String schemaResource() {
        return "/schemas/" + schemaName + ".schema.json";
    }
}

package org.paperdigest.events;

/** A payload of the event contract. Every payload carries its schema version. */
public sealed interface DigestEvent
        permits IssuePlanned, PaperEvent, IssuePublished, RegenerationRequested {

    int schemaVersion();

    String issueId();

    /** The Kafka record key: the paperKey for paper events, the issueId for issue events. */
    String key();

    /** The CloudEvents subject: what the event is about, readable by a person. */
    default String subject() {
        return key().equals(issueId()) ? issueId() : issueId() + "/" + key();
    }
}

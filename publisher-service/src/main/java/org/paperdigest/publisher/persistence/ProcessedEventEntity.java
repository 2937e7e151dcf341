package org.paperdigest.publisher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The ce_id of an event whose effect is stored; written in the same transaction as that effect. */
@Entity
@Table(name = "processed_event")
public class ProcessedEventEntity {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "issue_id", nullable = false)
    public String issueId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;
}

package org.paperdigest.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The ce_id of an event whose effect is stored; written in the same transaction as that effect. */
@Entity
@Table(name = "processed_event")
public class ProcessedEventEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "issue_id", nullable = false)
    public String issueId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    /**
     * Records the event as processed, or returns false if it already was. A concurrent copy of the same event
     * waits on this insert ({@code ON CONFLICT DO NOTHING}) and, once the first commits, finds it done.
     */
    public static boolean markProcessed(String eventId, String eventType, String issueId, Instant now) {
        return getEntityManager().createQuery("""
                insert into ProcessedEventEntity (eventId, eventType, issueId, processedAt)
                values (:eventId, :eventType, :issueId, :now)
                on conflict do nothing""")
                .setParameter("eventId", eventId)
                .setParameter("eventType", eventType)
                .setParameter("issueId", issueId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }
}

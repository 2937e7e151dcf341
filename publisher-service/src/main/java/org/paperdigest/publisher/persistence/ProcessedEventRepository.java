package org.paperdigest.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The ids of the events whose effect is stored. */
@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEventEntity, String> {

    /**
     * Records the event as processed, or returns false if it already was. A concurrent copy of the same event
     * waits on this insert ({@code ON CONFLICT DO NOTHING}) and, once the first commits, finds it done.
     */
    public boolean markProcessed(String eventId, String eventType, String issueId, Instant now) {
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

package org.paperdigest.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.paperdigest.publisher.domain.DeliveryStatus;

/** The pushes of every revision, one row per revision and channel. */
@ApplicationScoped
public class PushDeliveryRepository implements PanacheRepositoryBase<PushDeliveryEntity, PushDeliveryId> {

    public void addPending(String issueId, int revision, String channel, Instant due) {
        PushDeliveryEntity delivery = new PushDeliveryEntity();
        delivery.id = new PushDeliveryId(issueId, revision, channel);
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = due;
        persist(delivery);
    }

    /**
     * Up to {@code limit} pending deliveries that are due, locked for this transaction; rows another replica has
     * locked are skipped, so two replicas never take the same delivery. Native SQL, so that the statement is
     * PostgreSQL's own {@code FOR UPDATE SKIP LOCKED} with its {@code LIMIT}.
     */
    @SuppressWarnings("unchecked")
    public List<PushDeliveryEntity> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM {h-schema}push_delivery
                WHERE status = 'PENDING' AND next_attempt_at <= :now
                ORDER BY next_attempt_at LIMIT :limit
                FOR UPDATE SKIP LOCKED""", PushDeliveryEntity.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** The revision's deliveries by channel name. */
    public List<PushDeliveryEntity> ofRevision(String issueId, int revision) {
        return getEntityManager().createQuery("""
                from PushDeliveryEntity where id.issueId = :issueId and id.revision = :revision
                order by id.channel""", PushDeliveryEntity.class)
                .setParameter("issueId", issueId)
                .setParameter("revision", revision)
                .getResultList();
    }
}

package org.paperdigest.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.paperdigest.publisher.domain.DeliveryStatus;

/** The record of one revision's push to one channel (see V4__push_deliveries.sql). */
@Entity
@Table(name = "push_delivery")
public class PushDeliveryEntity extends PanacheEntityBase {

    @EmbeddedId
    public PushDeliveryId id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    public static PushDeliveryEntity pending(String issueId, int revision, String channel, Instant due) {
        PushDeliveryEntity delivery = new PushDeliveryEntity();
        delivery.id = new PushDeliveryId(issueId, revision, channel);
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = due;
        return delivery;
    }

    /**
     * Up to {@code limit} pending deliveries that are due, locked for this transaction; rows another replica has
     * locked are skipped, so two replicas never take the same delivery.
     */
    @SuppressWarnings("unchecked")
    public static List<PushDeliveryEntity> lockDue(Instant now, int limit) {
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
    public static List<PushDeliveryEntity> ofRevision(String issueId, int revision) {
        return list("id.issueId = ?1 and id.revision = ?2 order by id.channel", issueId, revision);
    }
}

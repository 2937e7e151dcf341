package org.paperdigest.publisher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.paperdigest.publisher.domain.DeliveryStatus;

/** The record of one revision's push to one channel (see V4__push_deliveries.sql). */
@Entity
@Table(name = "push_delivery")
public class PushDeliveryEntity {

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
}

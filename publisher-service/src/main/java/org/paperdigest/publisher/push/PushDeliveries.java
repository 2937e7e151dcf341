package org.paperdigest.publisher.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.DeliveryStatus;
import org.paperdigest.publisher.domain.IssueChanged;
import org.paperdigest.publisher.domain.PushDelivery;
import org.paperdigest.publisher.persistence.PushDeliveryEntity;
import org.paperdigest.publisher.persistence.PushDeliveryId;
import org.paperdigest.publisher.persistence.PushDeliveryRepository;
import org.paperdigest.publisher.persistence.RevisionRepository;

/**
 * The record of pushes: one row per revision and channel, and each attempt's outcome written down. The issue's JSON
 * shows them, so every change of a delivery is an {@link IssueChanged}.
 */
@ApplicationScoped
public class PushDeliveries {

    /** A delivery taken for one attempt, with the revision it pushes. */
    record Claim(PushDeliveryId id, int attempt, IssueContent content) {
    }

    private final PushConfig config;
    private final PushDeliveryRepository deliveries;
    private final RevisionRepository revisions;
    private final Event<IssueChanged> changes;

    PushDeliveries(PushConfig config, PushDeliveryRepository deliveries, RevisionRepository revisions,
            Event<IssueChanged> changes) {
        this.config = config;
        this.deliveries = deliveries;
        this.revisions = revisions;
        this.changes = changes;
    }

    /**
     * Records a pending delivery of the revision for every configured channel, in the transaction that stores the
     * revision: a revision is stored once, so each of its deliveries is recorded once. Sending is left to
     * {@link PushDispatcher}, so publication never waits for a channel.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String issueId, int revision, Instant now) {
        for (PushChannel channel : PushChannel.configured(config)) {
            deliveries.addPending(issueId, revision, channel.name(), now);
        }
    }

    /** Takes up to {@code limit} due deliveries for an attempt each: they are SENDING once this commits. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Claim> claimDue(Instant now, int limit) {
        return deliveries.lockDue(now, limit).stream().map(delivery -> {
            delivery.status = DeliveryStatus.SENDING;
            delivery.attempts++;
            changes.fire(new IssueChanged(delivery.id.issueId));
            IssueContent content = revisions.findRevision(delivery.id.issueId, delivery.id.revision)
                    .orElseThrow().content;
            return new Claim(delivery.id, delivery.attempts, content);
        }).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void delivered(PushDeliveryId id, Instant now) {
        PushDeliveryEntity delivery = deliveries.findById(id);
        delivery.status = DeliveryStatus.DELIVERED;
        delivery.deliveredAt = now;
        changes.fire(new IssueChanged(id.issueId));
    }

    /**
     * Records a failed attempt: due again after a wait that doubles with each attempt, or FAILED for good once
     * {@code paperdigest.push.max-attempts} are spent (or when nothing can be retried).
     *
     * @return whether another attempt will be made
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean failed(PushDeliveryId id, String error, boolean retriable, Instant now) {
        PushDeliveryEntity delivery = deliveries.findById(id);
        delivery.lastError = error;
        boolean again = retriable && delivery.attempts < config.maxAttempts();
        delivery.status = again ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
        if (again) {
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
        }
        changes.fire(new IssueChanged(id.issueId));
        return again;
    }

    /** The wait after attempt {@code attempts}: the first retry delay, doubled for each attempt before. */
    Duration backoff(int attempts) {
        return config.firstRetryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
    }

    /** The revision's deliveries as the issue's JSON shows them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PushDelivery> ofRevision(String issueId, int revision) {
        return deliveries.ofRevision(issueId, revision).stream()
                .map(d -> new PushDelivery(PushChannel.publicName(d.id.channel), d.status, d.attempts, d.deliveredAt,
                        d.lastError))
                .toList();
    }
}

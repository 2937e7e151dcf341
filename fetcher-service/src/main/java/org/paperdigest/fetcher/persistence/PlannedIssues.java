package org.paperdigest.fetcher.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * The issues this service has planned. Each method commits on its own, before the plan is sent, so that a second
 * request sees the first one's record.
 */
@ApplicationScoped
public class PlannedIssues {

    @Inject
    EntityManager em;

    /**
     * Records the issue unless one with its id is recorded already; the database decides, so of two concurrent
     * requests for one issue exactly one gets {@code true}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordIfAbsent(String issueId, PlannedIssue.Kind kind, String title, int paperCount,
            Instant requestedAt) {
        int inserted = em.createNativeQuery("""
                INSERT INTO {h-schema}planned_issue (issue_id, kind, title, paper_count, requested_at)
                VALUES (:id, :kind, :title, :count, :at)
                ON CONFLICT (issue_id) DO NOTHING""")
                .setParameter("id", issueId)
                .setParameter("kind", kind.name())
                .setParameter("title", title)
                .setParameter("count", paperCount)
                .setParameter("at", requestedAt)
                .executeUpdate();
        return inserted == 1;
    }

    /** A regeneration: the issue's record now describes the new plan. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void replanned(String issueId, String title, int paperCount, Instant requestedAt) {
        em.createQuery("UPDATE PlannedIssue p SET p.title = :title, p.paperCount = :count, p.requestedAt = :at"
                + " WHERE p.issueId = :id")
                .setParameter("id", issueId)
                .setParameter("title", title)
                .setParameter("count", paperCount)
                .setParameter("at", requestedAt)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<PlannedIssue> find(String issueId) {
        return Optional.ofNullable(em.find(PlannedIssue.class, issueId));
    }

    /** Undoes a record whose plan the broker did not take, so the request can be repeated. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(String issueId) {
        em.createQuery("DELETE FROM PlannedIssue p WHERE p.issueId = :id").setParameter("id", issueId)
                .executeUpdate();
    }
}

package org.paperdigest.publisher.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.paperdigest.publisher.domain.IssueStatus;

/** The issues, one row each, created by the first event that names one. */
@ApplicationScoped
public class IssueRepository {

    @Inject
    EntityManager em;

    public Optional<IssueEntity> find(String issueId) {
        return Optional.ofNullable(em.find(IssueEntity.class, issueId));
    }

    /** The issue row locked for this transaction ({@code SELECT … FOR UPDATE}); null if no event named it yet. */
    public IssueEntity lock(String issueId) {
        return em.find(IssueEntity.class, issueId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The issue row, locked for this transaction, created first if no event named the issue before. Consumers of
     * different topics often create the same issue at once: the insert skips an existing row ({@code ON CONFLICT DO
     * NOTHING}, which waits for a concurrent insert of the same id to commit), so neither fails, and the lock then
     * serializes them.
     */
    public IssueEntity lockOrCreate(String issueId, Instant now) {
        IssueEntity issue = lock(issueId);
        if (issue != null) {
            return issue;
        }
        em.createQuery("""
                insert into IssueEntity (issueId, status, papersDone, papersTotal, createdAt, updatedAt)
                values (:issueId, :status, 0, 0, :now, :now)
                on conflict do nothing""")
                .setParameter("issueId", issueId)
                .setParameter("status", IssueStatus.AWAITING_PLAN)
                .setParameter("now", now)
                .executeUpdate();
        return lock(issueId);
    }

    /** Issues with a plan, newest week first. */
    public List<IssueEntity> listPlanned() {
        return em.createQuery("""
                from IssueEntity where plan is not null
                order by weekStart desc nulls last, issueId desc""", IssueEntity.class)
                .getResultList();
    }

    public List<String> idsWithStatus(IssueStatus status) {
        return em.createQuery("select issueId from IssueEntity where status = :status", String.class)
                .setParameter("status", status)
                .getResultList();
    }
}

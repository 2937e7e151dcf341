package org.paperdigest.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.paperdigest.publisher.domain.IssueStatus;

/** The issues, one row each, created by the first event that names one. */
@ApplicationScoped
public class IssueRepository implements PanacheRepositoryBase<IssueEntity, String> {

    /** The issue row locked for this transaction ({@code SELECT … FOR UPDATE}); null if no event named it yet. */
    public IssueEntity lock(String issueId) {
        return findById(issueId, LockModeType.PESSIMISTIC_WRITE);
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
        getEntityManager().createQuery("""
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
        return getEntityManager().createQuery("""
                from IssueEntity where plan is not null
                order by weekStart desc nulls last, issueId desc""", IssueEntity.class)
                .getResultList();
    }

    /** The number of the issue's published revision; null while it has none (or no such issue exists). */
    public Integer publishedRevision(String issueId) {
        return getEntityManager().createQuery("""
                select publishedRevision from IssueEntity where issueId = :issueId and plan is not null""",
                        Integer.class)
                .setParameter("issueId", issueId)
                .getResultList().stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    public List<String> idsWithStatus(IssueStatus status) {
        return getEntityManager().createQuery("select issueId from IssueEntity where status = :status", String.class)
                .setParameter("status", status)
                .getResultList();
    }
}

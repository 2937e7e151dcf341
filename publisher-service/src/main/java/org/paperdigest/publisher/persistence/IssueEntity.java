package org.paperdigest.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.publisher.domain.IssueStatus;
import org.paperdigest.publisher.domain.Progress;

/** An issue: its plan (once it arrived), its progress, and its published revision. */
@Entity
@Table(name = "issue")
public class IssueEntity extends PanacheEntityBase {

    @Id
    @Column(name = "issue_id")
    public String issueId;

    public String title;

    @Column(name = "week_start")
    public LocalDate weekStart;

    @Column(name = "week_end")
    public LocalDate weekEnd;

    @Column(name = "planned_at")
    public Instant plannedAt;

    /** The plan as received; the paper list in it decides when the issue is complete. */
    @JdbcTypeCode(SqlTypes.JSON)
    public IssuePlanned plan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IssueStatus status;

    @Column(name = "papers_done", nullable = false)
    public int papersDone;

    @Column(name = "papers_total", nullable = false)
    public int papersTotal;

    @Column(name = "published_revision")
    public Integer publishedRevision;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The issue row, locked for this transaction ({@code SELECT … FOR UPDATE}), created first if no event named
     * the issue before. Consumers of different topics often create the same issue at once: the insert skips
     * an existing row ({@code ON CONFLICT DO NOTHING}, which waits for a concurrent insert of the same id to
     * commit), so neither fails, and the lock then serializes them.
     */
    public static IssueEntity lockOrCreate(String issueId, Instant now) {
        IssueEntity issue = findById(issueId, LockModeType.PESSIMISTIC_WRITE);
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
        return findById(issueId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Issues with a plan, newest week first. */
    public static List<IssueEntity> listPlanned() {
        return list("plan is not null", Sort.by("weekStart", Sort.Direction.Descending, Sort.NullPrecedence.NULLS_LAST)
                .and("issueId", Sort.Direction.Descending));
    }

    public boolean published() {
        return publishedRevision != null;
    }

    public Progress progress() {
        return new Progress(papersDone, papersTotal);
    }
}

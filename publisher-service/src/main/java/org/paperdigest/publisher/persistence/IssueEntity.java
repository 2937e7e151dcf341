package org.paperdigest.publisher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.publisher.domain.IssueStatus;
import org.paperdigest.publisher.domain.Progress;

/** An issue: its plan (once it arrived), its progress, and its published revision. */
@Entity
@Table(name = "issue")
public class IssueEntity {

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

    public boolean published() {
        return publishedRevision != null;
    }

    public Progress progress() {
        return new Progress(papersDone, papersTotal);
    }
}

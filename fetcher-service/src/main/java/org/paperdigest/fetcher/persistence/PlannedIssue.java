package org.paperdigest.fetcher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An issue this service has planned: a week of the list, or a custom list of arXiv ids. */
@Entity
@Table(name = "planned_issue")
public class PlannedIssue {

    public enum Kind {
        WEEK, CUSTOM
    }

    @Id
    @Column(name = "issue_id")
    public String issueId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String title;

    @Column(name = "paper_count")
    public int paperCount;

    /** When it was last planned (planning the week again moves it forward). */
    @Column(name = "requested_at")
    public Instant requestedAt;
}

package org.paperdigest.publisher.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.paperdigest.publisher.content.IssueContent;

/** A published issue revision, frozen: its content and its Markdown as readers first saw them. */
@Entity
@Immutable
@Table(name = "issue_revision")
public class IssueRevisionEntity {

    @EmbeddedId
    public IssueRevisionId id;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "paper_count", nullable = false)
    public int paperCount;

    @Column(name = "failed_count", nullable = false)
    public int failedCount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public IssueContent content;

    @Column(nullable = false)
    public String markdown;
}

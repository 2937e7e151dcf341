package org.paperdigest.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.PublishedRevision;

/** A published issue revision, frozen: its content and its Markdown as readers first saw them. */
@Entity
@Immutable
@Table(name = "issue_revision")
public class IssueRevisionEntity extends PanacheEntityBase {

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

    public static IssueRevisionEntity of(IssueContent content, String markdown) {
        IssueRevisionEntity revision = new IssueRevisionEntity();
        revision.id = new IssueRevisionId(content.issueId(), content.revision());
        revision.publishedAt = content.publishedAt();
        revision.paperCount = content.paperCount();
        revision.failedCount = content.failedCount();
        revision.content = content;
        revision.markdown = markdown;
        return revision;
    }

    public static Optional<IssueRevisionEntity> find(String issueId, int revision) {
        return findByIdOptional(new IssueRevisionId(issueId, revision));
    }

    /** Each issue's published revision, the most recently published first. */
    public static List<IssueRevisionEntity> listPublished(int limit) {
        return getEntityManager().createQuery("""
                select revision from IssueRevisionEntity revision, IssueEntity issue
                where issue.issueId = revision.id.issueId and issue.publishedRevision = revision.id.revision
                order by revision.publishedAt desc, revision.id.issueId desc""", IssueRevisionEntity.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The issue's revisions by number and time, oldest first, without loading their content. */
    public static List<PublishedRevision> revisionsOf(String issueId) {
        return getEntityManager().createQuery("""
                select new org.paperdigest.publisher.domain.PublishedRevision(revision.id.revision, revision.publishedAt)
                from IssueRevisionEntity revision where revision.id.issueId = :issueId
                order by revision.id.revision""", PublishedRevision.class)
                .setParameter("issueId", issueId)
                .getResultList();
    }

    public static long countOf(String issueId) {
        return count("id.issueId", issueId);
    }
}

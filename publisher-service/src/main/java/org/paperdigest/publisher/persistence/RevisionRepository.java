package org.paperdigest.publisher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.PublishedRevision;

/** The published revisions of every issue, each stored once and never changed. */
@ApplicationScoped
public class RevisionRepository implements PanacheRepositoryBase<IssueRevisionEntity, IssueRevisionId> {

    /** Stores the revision and flushes it, so that a second revision of the same number fails here. */
    public void add(IssueContent content, String markdown) {
        IssueRevisionEntity revision = new IssueRevisionEntity();
        revision.id = new IssueRevisionId(content.issueId(), content.revision());
        revision.publishedAt = content.publishedAt();
        revision.paperCount = content.paperCount();
        revision.failedCount = content.failedCount();
        revision.content = content;
        revision.markdown = markdown;
        persist(revision);
        flush();
    }

    public Optional<IssueRevisionEntity> findRevision(String issueId, int revision) {
        return findByIdOptional(new IssueRevisionId(issueId, revision));
    }

    /** Each issue's published revision, the most recently published first. */
    public List<IssueRevisionEntity> listPublished(int limit) {
        return getEntityManager().createQuery("""
                select revision from IssueRevisionEntity revision, IssueEntity issue
                where issue.issueId = revision.id.issueId and issue.publishedRevision = revision.id.revision
                order by revision.publishedAt desc, revision.id.issueId desc""", IssueRevisionEntity.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The issue's revisions by number and time, oldest first, without loading their content. */
    public List<PublishedRevision> revisionsOf(String issueId) {
        return getEntityManager().createQuery("""
                select new org.paperdigest.publisher.domain.PublishedRevision(revision.id.revision, revision.publishedAt)
                from IssueRevisionEntity revision where revision.id.issueId = :issueId
                order by revision.id.revision""", PublishedRevision.class)
                .setParameter("issueId", issueId)
                .getResultList();
    }

    /** Every issue with a published revision. */
    public List<String> issuesWithRevisions() {
        return getEntityManager().createQuery(
                "select distinct revision.id.issueId from IssueRevisionEntity revision", String.class)
                .getResultList();
    }
}

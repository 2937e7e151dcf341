package org.paperdigest.publisher.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.IssueDetail;
import org.paperdigest.publisher.domain.IssueOverview;
import org.paperdigest.publisher.domain.IssueProgress;
import org.paperdigest.publisher.domain.PublishedRevision;
import org.paperdigest.publisher.domain.PushDelivery;
import org.paperdigest.publisher.persistence.IssueEntity;
import org.paperdigest.publisher.persistence.IssueRepository;
import org.paperdigest.publisher.persistence.IssueRevisionEntity;
import org.paperdigest.publisher.persistence.PaperStateRepository;
import org.paperdigest.publisher.persistence.RevisionRepository;
import org.paperdigest.publisher.push.PushDeliveries;

/** What readers can see: planned issues, their progress, and published revisions. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IssueReader {

    @Inject
    PushDeliveries pushes;

    @Inject
    IssueRepository issues;

    @Inject
    PaperStateRepository paperStates;

    @Inject
    RevisionRepository revisions;

    public List<IssueOverview> list() {
        return issues.listPlanned().stream()
                .map(issue -> new IssueOverview(issue.issueId, issue.title, issue.status, issue.progress(),
                        issue.publishedAt))
                .toList();
    }

    /** Empty for an issue nobody planned (paper events alone do not make an issue readable). */
    public Optional<IssueDetail> find(String issueId) {
        return issues.findByIdOptional(issueId)
                .filter(issue -> issue.plan != null)
                .map(this::detail);
    }

    /** Every published revision of the issue, oldest first; empty for an issue never published. */
    public List<PublishedRevision> revisions(String issueId) {
        return revisions.revisionsOf(issueId);
    }

    private IssueDetail detail(IssueEntity issue) {
        IssueProgress progress = IssueProgress.of(issue.plan, paperStates.recordsOf(issue.issueId));
        IssueContent content = publishedRevision(issue.issueId).map(revision -> revision.content).orElse(null);
        List<PushDelivery> deliveries = content == null ? List.of()
                : pushes.ofRevision(issue.issueId, content.revision());
        return new IssueDetail(issue.issueId, issue.title, issue.weekStart, issue.weekEnd, issue.status,
                progress.progress(), issue.publishedRevision, issue.publishedAt, progress.papers(), content,
                deliveries);
    }

    private Optional<IssueRevisionEntity> publishedRevision(String issueId) {
        return issues.findByIdOptional(issueId)
                .filter(IssueEntity::published)
                .flatMap(issue -> revisions.findRevision(issueId, issue.publishedRevision));
    }
}

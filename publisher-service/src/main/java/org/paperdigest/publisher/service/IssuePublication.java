package org.paperdigest.publisher.service;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;
import org.paperdigest.events.IssuePublished;
import org.paperdigest.events.Topics;
import org.paperdigest.pipeline.EventMessages;
import org.paperdigest.pipeline.StageMeters;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.IssueAssembler;
import org.paperdigest.publisher.domain.IssueChanged;
import org.paperdigest.publisher.domain.IssueStatus;
import org.paperdigest.publisher.domain.PaperRecord;
import org.paperdigest.publisher.persistence.IssueEntity;
import org.paperdigest.publisher.persistence.IssueRepository;
import org.paperdigest.publisher.persistence.PaperStateRepository;
import org.paperdigest.publisher.persistence.RegenerationEntity;
import org.paperdigest.publisher.persistence.RegenerationRepository;
import org.paperdigest.publisher.persistence.RevisionRepository;
import org.paperdigest.publisher.push.PushDeliveries;
import org.paperdigest.publisher.render.IssueMarkdown;

/**
 * Assembles a complete issue into its first revision (after a regeneration, its next one), stores it with its
 * renders ({@link StoredRenders}) and a pending push to each configured channel and announces it, each in a transaction of its own after the event that completed
 * the issue was recorded. A failed announcement
 * rolls back only the revision: the issue stays {@link IssueStatus#COMPLETE} and {@link PublicationSweep} tries
 * again.
 */
@ApplicationScoped
public class IssuePublication {

    static final int FIRST_REVISION = 1;
    /** The CloudEvents source of what the publisher sends. */
    static final URI SOURCE = URI.create("/paper-digest/publisher-service");
    private static final Logger LOG = Logger.getLogger(IssuePublication.class);

    @Inject
    @Channel(Topics.ISSUES_PUBLISHED)
    MutinyEmitter<String> announcements;

    @Inject
    StageMeters meters;

    @Inject
    PushDeliveries pushes;

    @Inject
    IssueRepository issues;

    @Inject
    PaperStateRepository paperStates;

    @Inject
    RevisionRepository revisions;

    @Inject
    RegenerationRepository regenerations;

    @Inject
    StoredRenders renders;

    @Inject
    Event<IssueChanged> changes;

    /**
     * Publishes the issue if it is complete and not yet published. The issue's row lock makes this safe to call
     * from every consumer and the sweep at once: one of them publishes, the others find it done. The revision is
     * flushed before the event is sent, so a constraint failure stops the announcement; the send is awaited
     * before commit, so a failed send leaves nothing half-published.
     *
     * @return whether this call published it
     */
    @Transactional
    public boolean publishIfComplete(String issueId) {
        IssueEntity issue = issues.lock(issueId);
        if (issue == null || issue.status != IssueStatus.COMPLETE) {
            return false;
        }
        Instant now = Instant.now();
        Map<String, PaperRecord> records = paperStates.recordsOf(issueId);
        IssueContent content = issue.published()
                ? nextRevision(issue, records, now)
                : IssueAssembler.assemble(issue.plan, records, FIRST_REVISION, now);
        String markdown = IssueMarkdown.render(content);
        revisions.add(content, markdown);
        pushes.schedule(issue.issueId, content.revision(), now);
        issue.publishedRevision = content.revision();
        issue.publishedAt = now;
        issue.status = IssueStatus.PUBLISHED;
        renders.storePublished(content, markdown);
        changes.fire(new IssueChanged(issue.issueId));
        announcements.sendMessageAndAwait(EventMessages.of(new IssuePublished(IssuePublished.SCHEMA_VERSION,
                issue.issueId, content.revision(), content.paperCount(), content.failedCount(), now), SOURCE));
        meters.counted("ok", content.paperCount() - content.failedCount());
        meters.counted("failed", content.failedCount());
        LOG.infof("Published issue %s revision %d: %d papers, %d with failures", issue.issueId,
                content.revision(), content.paperCount(), content.failedCount());
        return true;
    }

    /** The regenerated papers as they came now, the others as the published revision has them. */
    private IssueContent nextRevision(IssueEntity issue, Map<String, PaperRecord> records, Instant now) {
        int revision = issue.publishedRevision + 1;
        IssueContent previous = revisions.findRevision(issue.issueId, issue.publishedRevision).orElseThrow().content;
        RegenerationEntity regeneration = regenerations.findRevision(issue.issueId, revision).orElseThrow(
                () -> new IllegalStateException("issue " + issue.issueId + " is complete again without a"
                        + " regeneration request for revision " + revision));
        return IssueAssembler.reassemble(previous, issue.plan, records, Set.copyOf(regeneration.paperKeys),
                revision, now);
    }
}

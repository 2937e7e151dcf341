package org.paperdigest.publisher.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;
import org.paperdigest.events.IssuePublished;
import org.paperdigest.publisher.domain.IssueAssembler;
import org.paperdigest.publisher.domain.IssueContent;
import org.paperdigest.publisher.domain.IssueStatus;
import org.paperdigest.publisher.domain.PaperRecord;
import org.paperdigest.publisher.messaging.IssuePublishedSender;
import org.paperdigest.publisher.persistence.IssueEntity;
import org.paperdigest.publisher.persistence.IssueRevisionEntity;
import org.paperdigest.publisher.render.IssueMarkdown;

/** Assembles a complete issue into its first revision, stores it and announces it. */
@ApplicationScoped
public class IssuePublication {

    static final int FIRST_REVISION = 1;
    private static final Logger LOG = Logger.getLogger(IssuePublication.class);

    @Inject
    IssuePublishedSender sender;

    /**
     * Runs inside the caller's transaction, which holds the issue's row lock. The revision is flushed before
     * the event is sent, so a constraint failure stops the announcement; the send is awaited before commit,
     * so a failed send rolls the revision back and the event is retried rather than silently lost.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(IssueEntity issue, Map<String, PaperRecord> records, Instant now) {
        IssueContent content = IssueAssembler.assemble(issue.plan, records, FIRST_REVISION, now);
        IssueRevisionEntity.of(content, IssueMarkdown.render(content)).persistAndFlush();
        issue.publishedRevision = content.revision();
        issue.publishedAt = now;
        issue.status = IssueStatus.PUBLISHED;
        sender.send(new IssuePublished(IssuePublished.SCHEMA_VERSION, issue.issueId, content.revision(),
                content.paperCount(), content.failedCount(), now));
        LOG.infof("Published issue %s revision %d: %d papers, %d with failures", issue.issueId,
                content.revision(), content.paperCount(), content.failedCount());
    }
}

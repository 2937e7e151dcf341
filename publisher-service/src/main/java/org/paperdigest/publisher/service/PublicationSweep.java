package org.paperdigest.publisher.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;
import org.paperdigest.publisher.domain.IssueStatus;
import org.paperdigest.publisher.persistence.IssueEntity;

/**
 * Publishes issues that are complete but unannounced: the consumer publishes an issue right after the event that
 * completes it, and when that fails (the broker did not take the announcement) no later event may ever come for
 * it. Without this sweep such an issue would wait forever.
 */
@ApplicationScoped
public class PublicationSweep {

    private static final Logger LOG = Logger.getLogger(PublicationSweep.class);

    @Inject
    IssuePublication publication;

    @Scheduled(every = "{paperdigest.publisher.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        List<String> waiting = IssueEntity.<IssueEntity>list("status", IssueStatus.COMPLETE).stream()
                .map(issue -> issue.issueId)
                .toList();
        for (String issueId : waiting) {
            try {
                publication.publishIfComplete(issueId);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Issue %s is complete but could not be published yet; next try in the next sweep", issueId);
            }
        }
    }
}

package org.paperdigest.publisher.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.paperdigest.publisher.domain.IssueStatus;
import org.paperdigest.publisher.persistence.IssueRepository;

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

    @Inject
    IssueRepository issues;

    @Scheduled(every = "{paperdigest.publisher.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        for (String issueId : issues.idsWithStatus(IssueStatus.COMPLETE)) {
            try {
                publication.publishIfComplete(issueId);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Issue %s is complete but could not be published yet; next try in the next sweep", issueId);
            }
        }
    }
}

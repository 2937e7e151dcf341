package org.paperdigest.publisher.service;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;
import org.paperdigest.events.PlannedPaper;
import org.paperdigest.events.RegenerationRequested;
import org.paperdigest.events.Topics;
import org.paperdigest.pipeline.EventMessages;
import org.paperdigest.publisher.domain.IssueChanged;
import org.paperdigest.publisher.domain.IssueProgress;
import org.paperdigest.publisher.domain.IssueStatus;
import org.paperdigest.publisher.domain.RegenerationAccepted;
import org.paperdigest.publisher.persistence.IssueEntity;
import org.paperdigest.publisher.persistence.IssueRepository;
import org.paperdigest.publisher.persistence.PaperStateRepository;
import org.paperdigest.publisher.persistence.RegenerationRepository;
import org.paperdigest.publisher.service.RegenerationRefusedException.Why;

/**
 * Starts the next revision of a published issue. The request is recorded, the regenerated papers' states are
 * emptied and moved to the new revision (so their progress starts again and only events made for the new revision
 * count: a late outcome of the run before is ignored, see {@link IssueLedger}), and the fetcher is asked to make
 * them again, by key (it reads each as the plan row it stored says); all in one transaction that commits only once
 * the broker has the request. The published revision stays readable meanwhile; {@link IssuePublication} stores the next one when the regenerated papers are complete,
 * carrying the others over unchanged.
 */
@ApplicationScoped
public class IssueRegeneration {

    private static final Logger LOG = Logger.getLogger(IssueRegeneration.class);

    @Inject
    @Channel(Topics.REGENERATION_REQUESTS)
    MutinyEmitter<String> requests;

    @Inject
    IssueRepository issues;

    @Inject
    PaperStateRepository paperStates;

    @Inject
    RegenerationRepository regenerations;

    @Inject
    Event<IssueChanged> changes;

    /**
     * @param paperKey the one paper to make again; empty for every paper of the issue
     * @param model    the chat model to make them with; empty for the LLM services' configured one
     */
    @Transactional
    public RegenerationAccepted request(String issueId, Optional<String> paperKey, Optional<String> model) {
        IssueEntity issue = issues.lock(issueId);
        if (issue == null || issue.plan == null) {
            throw new RegenerationRefusedException(Why.NOT_FOUND, "No issue " + issueId + " has been planned");
        }
        if (!issue.published()) {
            throw new RegenerationRefusedException(Why.CONFLICT, "Issue " + issueId
                    + " is not published yet; a regeneration makes a new revision of a published issue");
        }
        if (issue.status != IssueStatus.PUBLISHED) {
            throw new RegenerationRefusedException(Why.CONFLICT, "Revision " + (issue.publishedRevision + 1)
                    + " of issue " + issueId + " is being made; ask again once it is published");
        }
        List<PlannedPaper> papers = IssueProgress.inPlanOrder(issue.plan).stream()
                .filter(planned -> paperKey.map(planned.paperKey()::equals).orElse(true))
                .toList();
        if (papers.isEmpty()) {
            throw new RegenerationRefusedException(Why.NOT_FOUND, "Issue " + issueId + " has no paper "
                    + paperKey.orElse(""));
        }
        int revision = issue.publishedRevision + 1;
        Instant now = Instant.now();
        // A paper the list names twice is one paper: the request names it once.
        List<String> keys = papers.stream().map(PlannedPaper::paperKey).distinct().toList();
        regenerations.add(issueId, revision, keys, model.orElse(null), now);
        keys.forEach(key -> paperStates.findOrCreate(issueId, key, now).clear(revision, now));
        issue.status = IssueStatus.REGENERATING;
        issue.papersDone = IssueProgress.of(issue.plan, paperStates.recordsOf(issueId)).progress().done();
        issue.updatedAt = now;
        changes.fire(new IssueChanged(issueId));
        requests.sendMessageAndAwait(EventMessages.of(new RegenerationRequested(RegenerationRequested.SCHEMA_VERSION,
                issueId, revision, keys, model.orElse(null), now), IssuePublication.SOURCE));
        LOG.infof("Issue %s: revision %d requested, %d papers to make again%s", issueId, revision, keys.size(),
                model.map(m -> " with model " + m).orElse(""));
        return new RegenerationAccepted(issueId, revision, keys, model.orElse(null));
    }
}

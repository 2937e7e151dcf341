package org.paperdigest.publisher.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.EventType;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperEvent;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.events.ReceivedEvent;
import org.paperdigest.publisher.domain.IssueChanged;
import org.paperdigest.publisher.domain.IssueProgress;
import org.paperdigest.publisher.domain.IssueStatus;
import org.paperdigest.publisher.persistence.IssueEntity;
import org.paperdigest.publisher.persistence.IssueRepository;
import org.paperdigest.publisher.persistence.PaperStateEntity;
import org.paperdigest.publisher.persistence.PaperStateRepository;
import org.paperdigest.publisher.persistence.ProcessedEventRepository;

/**
 * Applies consumed events to the store, one transaction per event: the ce_id is recorded together with the
 * event's effect, so a redelivered event changes nothing. Every event locks its issue's row first; the events
 * of one issue are therefore applied one after another even when they come from different topics at once, and
 * exactly one of them sees the issue become complete. Publishing is a separate transaction
 * ({@link IssuePublication}), so a failed announcement never undoes the events already recorded.
 */
@ApplicationScoped
public class IssueLedger {

    private static final Logger LOG = Logger.getLogger(IssueLedger.class);

    @Inject
    IssueRepository issues;

    @Inject
    PaperStateRepository paperStates;

    @Inject
    ProcessedEventRepository processed;

    @Inject
    Event<IssueChanged> changes;

    /**
     * @return whether the issue is complete and awaits publication; a redelivered event answers false, as the
     *         event that completed the issue already said so (and the sweep catches what was left)
     */
    @Transactional
    public boolean record(ReceivedEvent<? extends DigestEvent> event) {
        DigestEvent payload = event.payload();
        Instant now = Instant.now();
        String type = EventType.of(payload).ceType();
        if (!processed.markProcessed(event.id(), type, payload.issueId(), now)) {
            LOG.debugf("Skipping %s %s: already processed", type, event.id());
            return false;
        }
        IssueEntity issue = issues.lockOrCreate(payload.issueId(), now);
        if (payload instanceof IssuePlanned plan) {
            applyPlan(issue, plan);
        } else {
            applyPaperEvent((PaperEvent) payload, now);
        }
        issue.updatedAt = now;
        refresh(issue);
        changes.fire(new IssueChanged(issue.issueId));
        return issue.status == IssueStatus.COMPLETE;
    }

    private void applyPlan(IssueEntity issue, IssuePlanned plan) {
        if (issue.published()) {
            // A published revision is immutable; a new plan for it is a regeneration, which is a separate act.
            LOG.infof("Issue %s is already published (revision %d); its new plan is not applied",
                    issue.issueId, issue.publishedRevision);
            return;
        }
        if (issue.plannedAt != null && plan.plannedAt().isBefore(issue.plannedAt)) {
            LOG.infof("Issue %s: ignoring a plan from %s, older than the stored one from %s",
                    issue.issueId, plan.plannedAt(), issue.plannedAt);
            return;
        }
        issue.plan = plan;
        issue.title = plan.title();
        issue.weekStart = plan.weekStart();
        issue.weekEnd = plan.weekEnd();
        issue.plannedAt = plan.plannedAt();
    }

    private void applyPaperEvent(PaperEvent payload, Instant now) {
        PaperStateEntity paper = paperStates.findOrCreate(payload.issueId(), payload.paperKey(), now);
        if (payload.revision() < paper.revision) {
            // Made for an earlier revision and still in flight when a regeneration named the paper again.
            LOG.infof("Issue %s: ignoring a %s of %s made for revision %d; the paper is being made for revision %d",
                    payload.issueId(), EventType.of(payload).ceType(), payload.paperKey(), payload.revision(),
                    paper.revision);
            return;
        }
        paper.updatedAt = now;
        if (payload instanceof PaperFetched fetched) {
            // The text is for the summarizer and the Q&A service; publishing needs the metadata, the links found in
            // the text and the flagged passages, which readers are shown.
            paper.fetched = fetched.withoutFullText();
        } else if (payload instanceof PaperSummarized summarized) {
            paper.summary = summarized;
        } else if (payload instanceof PaperAnswered answered) {
            paper.answers = answered;
        } else if (payload instanceof PaperFailed failed) {
            switch (failed.stage()) {
                case FETCH -> paper.fetchFailure = failed.reason();
                case SUMMARIZE -> paper.summarizeFailure = failed.reason();
                case ANSWER -> paper.answerFailure = failed.reason();
            }
        }
    }

    /**
     * Recomputes the issue's progress; an issue whose last paper just completed awaits publication. A published
     * issue keeps its status, unless a regeneration is under way: then it awaits publication of its next revision
     * once the regenerated papers are complete.
     */
    private void refresh(IssueEntity issue) {
        if (issue.plan == null) {
            issue.status = IssueStatus.AWAITING_PLAN;
            return;
        }
        IssueProgress progress = IssueProgress.of(issue.plan, paperStates.recordsOf(issue.issueId));
        issue.papersDone = progress.progress().done();
        issue.papersTotal = progress.progress().total();
        if (issue.status == IssueStatus.PUBLISHED) {
            return;
        }
        if (progress.complete()) {
            issue.status = IssueStatus.COMPLETE;
        } else if (!issue.published()) {
            issue.status = progress.started() ? IssueStatus.IN_PROGRESS : IssueStatus.PLANNED;
        }
    }
}

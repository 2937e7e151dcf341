package org.paperdigest.publisher.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.MalformedEventException;
import org.paperdigest.events.ReceivedEvent;
import org.paperdigest.pipeline.StageMeters;
import org.paperdigest.events.Topics;
import org.paperdigest.publisher.service.IssueLedger;
import org.paperdigest.publisher.service.IssuePublication;
import org.paperdigest.publisher.service.PublicationSweep;

/**
 * Consumes every topic the publisher cares about. A record that is not a valid event throws
 * {@link MalformedEventException}, which the channel's dead-letter strategy moves to {@code <topic>-dlq}.
 * A failure to record a valid event (a lost database connection) is retried first: each try is a fresh
 * transaction in {@link IssueLedger}, so this class must stay outside it. The retries end well within the
 * connector's 60 s limit for an unacknowledged record; a record that still fails then goes to the dead-letter
 * topic with the reason, to be replayed once the cause is fixed. A failure to publish an issue the event
 * completed does not fail the event, which is recorded: {@link PublicationSweep} publishes the issue later.
 */
@ApplicationScoped
@Retry(maxRetries = 8, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 500, abortOn = MalformedEventException.class)
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    IssueLedger ledger;

    @Inject
    IssuePublication publication;

    @Inject
    StageMeters meters;

    @Incoming(Topics.ISSUE_PLANS)
    @Blocking
    public void onIssuePlanned(ConsumerRecord<String, String> record) {
        apply(EventCodec.decode(record, EventType.ISSUE_PLANNED));
    }

    @Incoming(Topics.PAPERS_FETCHED)
    @Blocking
    public void onPaperFetched(ConsumerRecord<String, String> record) {
        apply(EventCodec.decode(record, EventType.PAPER_FETCHED));
    }

    @Incoming(Topics.PAPER_SUMMARIES)
    @Blocking
    public void onPaperSummarized(ConsumerRecord<String, String> record) {
        apply(EventCodec.decode(record, EventType.PAPER_SUMMARIZED));
    }

    @Incoming(Topics.PAPER_ANSWERS)
    @Blocking
    public void onPaperAnswered(ConsumerRecord<String, String> record) {
        apply(EventCodec.decode(record, EventType.PAPER_ANSWERED));
    }

    @Incoming(Topics.PAPER_FAILURES)
    @Blocking
    public void onPaperFailed(ConsumerRecord<String, String> record) {
        apply(EventCodec.decode(record, EventType.PAPER_FAILED));
    }

    /** Records the event, then publishes its issue if the event completed it; timed as the publish stage. */
    private void apply(ReceivedEvent<? extends DigestEvent> event) {
        String issueId = event.payload().issueId();
        String paperKey = event.payload().key().equals(issueId) ? null : event.payload().key();
        try (StageMeters.PaperWork work = meters.start(issueId, paperKey)) {
            recordAndPublish(event);
        }
    }

    private void recordAndPublish(ReceivedEvent<? extends DigestEvent> event) {
        if (!ledger.record(event)) {
            return;
        }
        String issueId = event.payload().issueId();
        try {
            publication.publishIfComplete(issueId);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Issue %s is complete but could not be published now; the sweep will try again", issueId);
        }
    }
}

package org.paperdigest.qa.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventMessages;
import org.paperdigest.events.EventType;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.ReceivedEvent;
import org.paperdigest.events.StageMeters;
import org.paperdigest.events.Topics;
import org.paperdigest.qa.domain.PaperQa;

/**
 * Reads fetched papers and answers each with its questions and answers, or a failure. The record is acknowledged
 * only after the outcome is on the broker; a record that is not a valid event goes to the dead-letter topic.
 */
@ApplicationScoped
public class PaperFetchedConsumer {

    public static final URI SOURCE = URI.create("/paper-digest/qa-service");
    private static final Logger LOG = Logger.getLogger(PaperFetchedConsumer.class);

    private final PaperQa qa;
    private final MutinyEmitter<String> answers;
    private final MutinyEmitter<String> failures;
    private final StageMeters meters;

    PaperFetchedConsumer(PaperQa qa,
            @Channel(Topics.PAPER_ANSWERS) MutinyEmitter<String> answers,
            @Channel(Topics.PAPER_FAILURES) MutinyEmitter<String> failures,
            MeterRegistry registry) {
        this.qa = qa;
        this.answers = answers;
        this.failures = failures;
        this.meters = new StageMeters(registry, StageMeters.ANSWER);
    }

    // Papers are worked on side by side in the "papers" worker pool (its size is
    // smallrye.messaging.worker.papers.max-concurrency). Out of order is safe: events may arrive in any order
    // anyway, the store keeps the first result for a key, and the throttled commit strategy commits an offset
    // only once every record before it is done.
    @Incoming(Topics.PAPERS_FETCHED)
    @Blocking(value = "papers", ordered = false)
    public void onPaperFetched(ConsumerRecord<String, String> record) {
        ReceivedEvent<PaperFetched> event = EventCodec.decode(record, EventType.PAPER_FETCHED);
        try (StageMeters.PaperWork work = meters.start(event.payload().issueId(), event.payload().paperKey())) {
            LOG.infof("answering %s (event %s)", event.payload().paperKey(), event.id());
            DigestEvent outcome = qa.answer(event.payload());
            work.finished(outcome);
            MutinyEmitter<String> channel = outcome instanceof PaperFailed ? failures : answers;
            channel.sendMessageAndAwait(EventMessages.of(outcome, SOURCE));
        }
    }
}

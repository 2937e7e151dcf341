package org.paperdigest.llm.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.paperdigest.events.EventCodec;
import org.paperdigest.pipeline.EventMessages;
import org.paperdigest.events.EventType;
import org.paperdigest.events.PaperEvent;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.ReceivedEvent;
import org.paperdigest.events.Topics;
import org.paperdigest.llm.stage.LlmStageRunner;

/**
 * Reads fetched papers and answers each with the service's stage result or a failure ({@link LlmStageRunner}). The
 * record is acknowledged only after the outcome is on the broker; a record that is not a valid event goes to the
 * dead-letter topic. Each service names the topic of its results ({@code mp.messaging.outgoing.stage-results.topic});
 * its events' {@code ce_source} is {@code /paper-digest/} and its application name.
 */
@ApplicationScoped
public class PaperFetchedConsumer {

    /** The channel of the stage's results, which each service maps to its topic. */
    public static final String RESULTS = "stage-results";
    private static final Logger LOG = Logger.getLogger(PaperFetchedConsumer.class);

    private final LlmStageRunner runner;
    private final MutinyEmitter<String> results;
    private final MutinyEmitter<String> failures;
    private final URI source;

    PaperFetchedConsumer(LlmStageRunner runner,
            @Channel(RESULTS) MutinyEmitter<String> results,
            @Channel(Topics.PAPER_FAILURES) MutinyEmitter<String> failures,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.runner = runner;
        this.results = results;
        this.failures = failures;
        this.source = URI.create("/paper-digest/" + service);
    }

    // Papers are worked on side by side in the "papers" worker pool (its size is
    // smallrye.messaging.worker.papers.max-concurrency). Out of order is safe: events may arrive in any order
    // anyway, the store keeps the first result for a key, and the throttled commit strategy commits an offset
    // only once every record before it is done.
    @Incoming(Topics.PAPERS_FETCHED)
    @Blocking(value = "papers", ordered = false)
    public void onPaperFetched(ConsumerRecord<String, String> record) {
        ReceivedEvent<PaperFetched> event = EventCodec.decode(record, EventType.PAPER_FETCHED);
        LOG.infof("%s: received for issue %s (event %s)", event.payload().paperKey(), event.payload().issueId(),
                event.id());
        runner.run(event.payload(), this::send);
    }

    private void send(PaperEvent outcome) {
        MutinyEmitter<String> channel = outcome instanceof PaperFailed ? failures : results;
        channel.sendMessageAndAwait(EventMessages.of(outcome, source));
    }
}

package org.paperdigest.fetcher.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.paperdigest.pipeline.EventMessages;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.Topics;
import org.paperdigest.fetcher.domain.EventSink;

/** Sends the fetcher's events and waits for the broker to take each one. */
@ApplicationScoped
public class EventPublisher implements EventSink {

    public static final URI SOURCE = URI.create("/paper-digest/fetcher-service");

    @Inject
    @Channel(Topics.ISSUE_PLANS)
    MutinyEmitter<String> plans;

    @Inject
    @Channel(Topics.PAPERS_FETCHED)
    MutinyEmitter<String> papers;

    @Inject
    @Channel(Topics.PAPER_FAILURES)
    MutinyEmitter<String> failures;

    @Override
    public void planned(IssuePlanned event) {
        plans.sendMessageAndAwait(EventMessages.of(event, SOURCE));
    }

    @Override
    public void fetched(PaperFetched event) {
        papers.sendMessageAndAwait(EventMessages.of(event, SOURCE));
    }

    @Override
    public void failed(PaperFailed event) {
        failures.sendMessageAndAwait(EventMessages.of(event, SOURCE));
    }
}

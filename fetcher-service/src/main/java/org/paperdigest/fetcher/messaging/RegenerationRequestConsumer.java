package org.paperdigest.fetcher.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.MalformedEventException;
import org.paperdigest.events.RegenerationRequested;
import org.paperdigest.events.Topics;
import org.paperdigest.fetcher.domain.IssueRun;
import org.paperdigest.fetcher.service.StoredPlanFetches;

/**
 * Fetches the papers of a regeneration the publisher asked for, by key, as the plan rows this service stored say,
 * and emits their {@code papers-fetched} or {@code paper-failures} events again, marked with the new revision and
 * the model asked for; the summarizer and the Q&A service then make them again (reusing their stored results where
 * the model is unchanged) and the publisher assembles the next revision. The offset is committed once every paper's
 * event is sent. A redelivered request fetches the papers once more, which changes no revision: the publisher builds
 * a revision only from a request it recorded. A record that is not a valid request ({@link MalformedEventException},
 * such as one of the contract before requests named papers by key) goes to {@code regeneration-requests-dlq}.
 */
@ApplicationScoped
public class RegenerationRequestConsumer {

    @Inject
    StoredPlanFetches fetches;

    @Incoming(Topics.REGENERATION_REQUESTS)
    @Blocking
    public void onRegenerationRequested(ConsumerRecord<String, String> record) {
        RegenerationRequested request = EventCodec.decode(record, EventType.REGENERATION_REQUESTED).payload();
        fetches.fetch(IssueRun.of(request), request.paperKeys());
    }
}

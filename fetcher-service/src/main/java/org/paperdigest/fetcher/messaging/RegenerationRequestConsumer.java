package org.paperdigest.fetcher.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.MalformedEventException;
import org.paperdigest.events.RegenerationRequested;
import org.paperdigest.events.Topics;
import org.paperdigest.fetcher.domain.IssueRun;
import org.paperdigest.fetcher.list.IssuePlan;
import org.paperdigest.fetcher.service.IssueFetcher;

/**
 * Fetches the papers of a regeneration the publisher asked for, as their plan rows name them, and emits their
 * {@code papers-fetched} or {@code paper-failures} events again, marked with the new revision and the model asked
 * for; the summarizer and the Q&A service then make them again (reusing their stored results where the model is
 * unchanged) and the publisher assembles the next revision. The offset is committed once every paper's event is
 * sent. A redelivered request fetches the papers once more, which changes no revision: the publisher builds a
 * revision only from a request it recorded. A record that is not a valid request ({@link MalformedEventException})
 * goes to {@code regeneration-requests-dlq}.
 */
@ApplicationScoped
public class RegenerationRequestConsumer {

    private static final Logger LOG = Logger.getLogger(RegenerationRequestConsumer.class);

    @Inject
    IssueFetcher fetcher;

    @Incoming(Topics.REGENERATION_REQUESTS)
    @Blocking
    public void onRegenerationRequested(ConsumerRecord<String, String> record) {
        RegenerationRequested request = EventCodec.decode(record, EventType.REGENERATION_REQUESTED).payload();
        LOG.infof("issue %s: fetching %d papers again for revision %d", request.issueId(), request.papers().size(),
                request.revision());
        fetcher.fetch(IssueRun.of(request), IssuePlan.again(request.papers()));
    }
}

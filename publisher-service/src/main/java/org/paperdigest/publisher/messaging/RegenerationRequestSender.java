package org.paperdigest.publisher.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.paperdigest.pipeline.EventMessages;
import org.paperdigest.events.RegenerationRequested;
import org.paperdigest.events.Topics;

/** Asks the fetcher, on {@link Topics#REGENERATION_REQUESTS}, to make papers of a published issue again. */
@ApplicationScoped
public class RegenerationRequestSender {

    @Inject
    @Channel(Topics.REGENERATION_REQUESTS)
    MutinyEmitter<String> emitter;

    /** Returns once the broker has the request; throws if it could not be sent. */
    public void send(RegenerationRequested request) {
        emitter.sendMessageAndAwait(EventMessages.of(request, IssuePublishedSender.SOURCE));
    }
}

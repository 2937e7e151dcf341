package org.paperdigest.publisher.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.paperdigest.pipeline.EventMessages;
import org.paperdigest.events.IssuePublished;
import org.paperdigest.events.Topics;

/** Announces published issue revisions on {@link Topics#ISSUES_PUBLISHED}. */
@ApplicationScoped
public class IssuePublishedSender {

    public static final URI SOURCE = URI.create("/paper-digest/publisher-service");

    @Inject
    @Channel(Topics.ISSUES_PUBLISHED)
    MutinyEmitter<String> emitter;

    /** Returns once the broker has the event; throws if it could not be sent. */
    public void send(IssuePublished event) {
        emitter.sendMessageAndAwait(EventMessages.of(event, SOURCE));
    }
}

package org.paperdigest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.GoldenSamples;
import org.paperdigest.events.IssuePublished;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperFailed;

class EventMessagesTest {

    private static final URI SOURCE = URI.create("/paper-digest/test");

    @Test
    void paperEventIsKeyedByPaperAndCarriesItsCloudEventsHeaders() {
        PaperAnswered answered = GoldenSamples.read(EventType.PAPER_ANSWERED);

        Message<String> message = EventMessages.of(answered, SOURCE);

        assertEquals("arxiv:2311.12022", kafka(message).getKey());
        OutgoingCloudEventMetadata<?> cloudEvent = cloudEvent(message);
        assertEquals("org.paperdigest.paper.answered", cloudEvent.getType());
        assertEquals(SOURCE, cloudEvent.getSource());
        assertEquals("2023-11-20/arxiv:2311.12022", cloudEvent.getSubject().orElseThrow());
        assertEquals(answered, EventCodec.fromJson(message.getPayload(), EventType.PAPER_ANSWERED));
    }

    @Test
    void issueEventIsKeyedByIssue() {
        IssuePublished published = GoldenSamples.read(EventType.ISSUE_PUBLISHED);

        Message<String> message = EventMessages.of(published, SOURCE);

        assertEquals("2023-11-20", kafka(message).getKey());
        assertEquals("2023-11-20", cloudEvent(message).getSubject().orElseThrow());
    }

    @Test
    void everyMessageGetsItsOwnId() {
        PaperFailed failed = GoldenSamples.read(EventType.PAPER_FAILED);

        assertNotEquals(cloudEvent(EventMessages.of(failed, SOURCE)).getId(),
                cloudEvent(EventMessages.of(failed, SOURCE)).getId());
    }

    private static OutgoingKafkaRecordMetadata<?> kafka(Message<String> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
    }

    private static OutgoingCloudEventMetadata<?> cloudEvent(Message<String> message) {
        return message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
    }
}

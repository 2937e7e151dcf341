package org.paperdigest.pipeline;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;

/** Builds the outgoing Kafka message for an event: JSON payload, its key, and CloudEvents headers. */
public final class EventMessages {

    private EventMessages() {
    }

    /**
     * @param source the producing service, e.g. {@code /paper-digest/fetcher-service}
     */
    public static Message<String> of(DigestEvent event, URI source) {
        EventType<?> type = EventType.of(event);
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(UUID.randomUUID().toString())
                .withType(type.ceType())
                .withSource(source)
                .withSubject(event.subject())
                .withTimestamp(ZonedDateTime.now())
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.key())
                .build();
        return Message.of(EventCodec.toJson(event)).addMetadata(cloudEvent).addMetadata(kafka);
    }
}

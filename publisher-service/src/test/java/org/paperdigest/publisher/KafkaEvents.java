package org.paperdigest.publisher;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;

/** Kafka records as the producing services write them: JSON value, key, CloudEvents headers in binary mode. */
public final class KafkaEvents {

    private KafkaEvents() {
    }

    /** The topic this module's test profile reads for the channel of {@code type}. */
    public static String topic(EventType<?> type) {
        return ConfigProvider.getConfig()
                .getValue("mp.messaging.incoming." + type.topic() + ".topic", String.class);
    }

    public static String deadLetterTopic(EventType<?> type) {
        return ConfigProvider.getConfig()
                .getValue("mp.messaging.incoming." + type.topic() + ".dead-letter-queue.topic", String.class);
    }

    public static String publishedTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.outgoing.issues-published.topic", String.class);
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    public static ProducerRecord<String, String> record(DigestEvent event, String eventId) {
        EventType<?> type = EventType.of(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic(type), event.key(), EventCodec.toJson(event));
        header(record, "ce_specversion", "1.0");
        header(record, EventCodec.CE_ID, eventId);
        header(record, EventCodec.CE_TYPE, type.ceType());
        header(record, "ce_source", "/paper-digest/it-publisher");
        header(record, "ce_subject", event.subject());
        return record;
    }

    public static ProducerRecord<String, String> header(ProducerRecord<String, String> record, String name,
            String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}

package org.paperdigest.publisher;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.EventType;
import org.paperdigest.testing.Broker;

/** The publisher's test topics, and records of events on them as the producing services write them. */
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

    /** {@code event} on the topic this module's test profile reads for its type. */
    public static ProducerRecord<String, String> record(DigestEvent event, String eventId) {
        return Broker.record(topic(EventType.of(event)), event, eventId);
    }
}

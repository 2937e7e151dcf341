package org.paperdigest.testing;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.ConfigProvider;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;

/** The real broker as the tests use it: publish records with or without CloudEvents headers, wait for results. */
public final class Broker implements AutoCloseable {

    private final KafkaCompanion kafka;

    public Broker() {
        kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** Creates missing topics; the service's own consumer may create one at the same moment, which is fine. */
    public void ensureTopics(String... topics) {
        for (String topic : topics) {
            if (!kafka.topics().list().contains(topic)) {
                try {
                    kafka.topics().createAndWait(topic, 1);
                } catch (RuntimeException e) {
                    if (!causedByTopicExists(e)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static boolean causedByTopicExists(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TopicExistsException) {
                return true;
            }
        }
        return false;
    }

    /** Publishes {@code event} as a producer of its type would: key, {@code ce_id}, {@code ce_type}. */
    public String publish(String topic, DigestEvent event) {
        String id = UUID.randomUUID().toString();
        publishRaw(topic, event.key(), EventCodec.toJson(event),
                Map.of(EventCodec.CE_ID, id, EventCodec.CE_TYPE, EventType.of(event).ceType(),
                        "ce_source", "/paper-digest/tests", "ce_specversion", "1.0"));
        return id;
    }

    public void publishRaw(String topic, String key, String value, Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, null, key, value, recordHeaders))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    /** Reads {@code topic} from its start until a record matches; records of earlier runs are simply skipped. */
    public ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        try (ConsumerTask<String, String> task = kafka.consumeStrings()
                .withGroupId("it-reader-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(topic)) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> task.getRecords().stream().anyMatch(match));
            return task.getRecords().stream().filter(match).findFirst().orElseThrow();
        }
    }

    /** Reads {@code topic} from its start until {@code count} records match; returns them in topic order. */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        return awaitRecords(List.of(topic), match, count, timeout);
    }

    /** Reads {@code topics} from their start until {@code count} records match; returns them in arrival order. */
    public List<ConsumerRecord<String, String>> awaitRecords(List<String> topics,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        try (ConsumerTask<String, String> task = kafka.consumeStrings()
                .withGroupId("it-reader-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(topics.toArray(String[]::new))) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> task.getRecords().stream().filter(match).count() >= count);
            return task.getRecords().stream().filter(match).toList();
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        kafka.close();
    }
}

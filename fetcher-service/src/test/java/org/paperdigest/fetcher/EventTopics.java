package org.paperdigest.fetcher;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;

/** The fetcher's test topics on the real broker: where they end now, and what arrived since. */
public final class EventTopics implements AutoCloseable {

    public static final String PLANS = "it-fetcher.issue-plans";
    public static final String FETCHED = "it-fetcher.papers-fetched";
    public static final String FAILURES = "it-fetcher.paper-failures";
    private static final List<String> ALL = List.of(PLANS, FETCHED, FAILURES);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaCompanion kafka;

    public EventTopics() {
        kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        Set<String> existing = kafka.topics().list();
        for (String topic : ALL) {
            if (!existing.contains(topic)) {
                kafka.topics().createAndWait(topic, 1);
            }
        }
    }

    public Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (String topic : ALL) {
            kafka.topics().describe(topic).get(topic).partitions().forEach(p -> {
                TopicPartition tp = new TopicPartition(topic, p.partition());
                offsets.put(tp, kafka.offsets().get(tp, OffsetSpec.latest()).offset());
            });
        }
        return offsets;
    }

    /** Waits for {@code count} records of {@code topic} after {@code start}. */
    public List<ConsumerRecord<String, String>> consume(String topic, Map<TopicPartition, Long> start, int count) {
        Map<TopicPartition, Long> from = start.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return kafka.consumeStrings().fromOffsets(from, count).awaitCompletion(WAIT).getRecords();
    }

    /** Records of {@code topic} between two snapshots. */
    public static long count(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, String topic) {
        return end.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L)).sum();
    }

    @Override
    public void close() {
        kafka.close();
    }
}

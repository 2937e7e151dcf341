package org.paperdigest.fetcher;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.paperdigest.testing.Broker;

/** The fetcher's test topics on the real broker: where they end now, and what arrived since. */
public final class EventTopics implements AutoCloseable {

    public static final String PLANS = "it-fetcher.issue-plans";
    public static final String FETCHED = "it-fetcher.papers-fetched";
    public static final String FAILURES = "it-fetcher.paper-failures";
    private static final List<String> ALL = List.of(PLANS, FETCHED, FAILURES);

    private final Broker broker = new Broker();

    public EventTopics() {
        broker.ensureTopics(ALL.toArray(String[]::new));
    }

    public Broker broker() {
        return broker;
    }

    public Map<TopicPartition, Long> endOffsets() {
        return broker.endOffsets(ALL);
    }

    /** Waits for {@code count} records of {@code topic} after {@code start}. */
    public List<ConsumerRecord<String, String>> consume(String topic, Map<TopicPartition, Long> start, int count) {
        return broker.consume(topic, start, count);
    }

    /** Records of {@code topic} between two snapshots. */
    public static long count(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, String topic) {
        return Broker.count(start, end, topic);
    }

    @Override
    public void close() {
        broker.close();
    }
}

package org.paperdigest.testing;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;

/**
 * The real broker as the service and system tests use it: create and reset topics, publish records with or without
 * CloudEvents headers, wait for results, read whole topics, and watch consumer groups.
 */
public final class Broker implements AutoCloseable {

    /** Full paper texts travel in events. */
    private static final int MAX_RECORD_BYTES = 10 * 1024 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String bootstrap;
    private final KafkaCompanion kafka;

    /** The broker of the running Quarkus test ({@code kafka.bootstrap.servers}). */
    public Broker() {
        this(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    public Broker(String bootstrap) {
        this.bootstrap = bootstrap;
        this.kafka = new KafkaCompanion(bootstrap);
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

    /** Creates the topics with this many partitions, so that consumers of one group can share them. */
    public void createTopics(Collection<String> topics, int partitions) throws Exception {
        admin().createTopics(topics.stream().map(topic -> new NewTopic(topic, partitions, (short) 1)).toList())
                .all().get();
    }

    /** Deletes the topics and consumer groups a previous run left, so this run starts from nothing. */
    public void reset(Collection<String> topics, Collection<String> groups) throws Exception {
        Admin admin = admin();
        Set<String> existing = admin.listTopics().names().get();
        Set<String> doomed = topics.stream().filter(existing::contains).collect(Collectors.toSet());
        if (!doomed.isEmpty()) {
            admin.deleteTopics(doomed).all().get();
        }
        Set<String> knownGroups = new HashSet<>();
        admin.listConsumerGroups().all().get().forEach(group -> knownGroups.add(group.groupId()));
        List<String> staleGroups = groups.stream().filter(knownGroups::contains).toList();
        if (!staleGroups.isEmpty()) {
            admin.deleteConsumerGroups(staleGroups).all().get();
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (admin.listTopics().names().get().stream().anyMatch(doomed::contains)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topics not deleted within 30 s: " + doomed);
            }
            Thread.sleep(200);
        }
    }

    /** {@code event} as a producer of its type writes it: JSON value, key, CloudEvents headers in binary mode. */
    public static ProducerRecord<String, String> record(String topic, DigestEvent event, String eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.key(), EventCodec.toJson(event));
        withHeader(record, "ce_specversion", "1.0");
        withHeader(record, EventCodec.CE_ID, eventId);
        withHeader(record, EventCodec.CE_TYPE, EventType.of(event).ceType());
        withHeader(record, "ce_source", "/paper-digest/tests");
        withHeader(record, "ce_subject", event.subject());
        return record;
    }

    public static ProducerRecord<String, String> withHeader(ProducerRecord<String, String> record, String name,
            String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /** Publishes {@code event} as a producer of its type would; returns its {@code ce_id}. */
    public String publish(String topic, DigestEvent event) {
        String id = newEventId();
        send(List.of(record(topic, event, id)));
        return id;
    }

    public void publishRaw(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> withHeader(record, name, text));
        send(List.of(record));
    }

    @SafeVarargs
    public final void send(ProducerRecord<String, String>... records) {
        send(List.of(records));
    }

    /** Sends the records in order and waits until the broker has them all. */
    public void send(List<ProducerRecord<String, String>> records) {
        kafka.produceStrings().withProp(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES)
                .fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }

    /** Sends a record read from the broker again, headers included: a redelivery. */
    public void resend(ConsumerRecord<String, String> original) {
        ProducerRecord<String, String> copy = new ProducerRecord<>(original.topic(), original.key(), original.value());
        original.headers().forEach(header -> copy.headers().add(header));
        send(List.of(copy));
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

    /** A reader of {@code topics} from their start, in a group of its own, for a test to look at while it acts. */
    public ConsumerTask<String, String> observe(String... topics) {
        return kafka.consumeStrings().withGroupId("it-observer-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(topics);
    }

    /** Where each partition of the topics ends now: a start to read what arrives after it. */
    public Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (String topic : topics) {
            kafka.topics().describe(topic).get(topic).partitions().forEach(p -> {
                TopicPartition tp = new TopicPartition(topic, p.partition());
                offsets.put(tp, kafka.offsets().get(tp, OffsetSpec.latest()).offset());
            });
        }
        return offsets;
    }

    /** Waits for {@code count} records of {@code topic} after {@code start} (from {@link #endOffsets}). */
    public List<ConsumerRecord<String, String>> consume(String topic, Map<TopicPartition, Long> start, int count) {
        Map<TopicPartition, Long> from = start.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return kafka.consumeStrings().fromOffsets(from, count).awaitCompletion(WAIT).getRecords();
    }

    /** Records of {@code topic} between two snapshots of {@link #endOffsets}. */
    public static long count(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, String topic) {
        return end.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** Every record the topic holds now, in partition order; empty when the topic does not exist. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_RECORD_BYTES);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** The partitions assigned to the group's members now, by client id (members sharing one are merged). */
    public Map<String, Set<TopicPartition>> assignment(String group) throws Exception {
        Map<String, Set<TopicPartition>> assigned = new HashMap<>();
        for (MemberDescription member :
                admin().describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members()) {
            assigned.computeIfAbsent(member.clientId(), id -> new HashSet<>())
                    .addAll(member.assignment().topicPartitions());
        }
        return assigned;
    }

    /** The group's committed offset of each partition it has committed. */
    public Map<TopicPartition, Long> committedOffsets(String group) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach(
                (partition, committed) -> offsets.put(partition, committed == null ? 0 : committed.offset()));
        return offsets;
    }

    /**
     * Waits until every group has consumed every record of the topics it reads, and stays so for a few seconds
     * (a consumer that produces, like the summarizer, makes new work for the next one).
     */
    public void awaitConsumed(Collection<String> groups, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        int quietChecks = 0;
        while (quietChecks < 6) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("consumers " + groups + " still behind after " + timeout);
            }
            quietChecks = lag(groups) == 0 ? quietChecks + 1 : 0;
            Thread.sleep(500);
        }
    }

    private long lag(Collection<String> groups) throws Exception {
        long lag = 0;
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin().listOffsets(latest).all().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                long position = entry.getValue() == null ? 0 : entry.getValue().offset();
                lag += Math.max(0, ends.get(entry.getKey()).offset() - position);
            }
        }
        return lag;
    }

    private Admin admin() {
        return kafka.getOrCreateAdminClient();
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

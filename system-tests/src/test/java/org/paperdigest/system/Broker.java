package org.paperdigest.system;

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
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The system test's own view of the real broker: reset, read whole topics, send raw records. */
final class Broker implements AutoCloseable {

    private final String bootstrap;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;

    Broker(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties adminConfig = new Properties();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(adminConfig);
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 10 * 1024 * 1024);
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
    }

    /** Deletes the topics and consumer groups a previous run left, so this run starts from nothing. */
    void reset(Collection<String> topics, Collection<String> groups) throws Exception {
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

    /** Creates the topics with this many partitions, so that consumers of one group can share them. */
    void createTopics(Collection<String> topics, int partitions) throws Exception {
        admin.createTopics(topics.stream().map(topic -> new NewTopic(topic, partitions, (short) 1)).toList())
                .all().get();
    }

    /** The partitions assigned to the group's members now, by client id (members sharing one are merged). */
    Map<String, Set<TopicPartition>> assignment(String group) throws Exception {
        Map<String, Set<TopicPartition>> assigned = new HashMap<>();
        for (MemberDescription member :
                admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members()) {
            assigned.computeIfAbsent(member.clientId(), id -> new HashSet<>())
                    .addAll(member.assignment().topicPartitions());
        }
        return assigned;
    }

    /** The group's committed offset of each partition it has committed. */
    Map<TopicPartition, Long> committedOffsets(String group) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach(
                (partition, committed) -> offsets.put(partition, committed == null ? 0 : committed.offset()));
        return offsets;
    }

    void send(ConsumerRecord<String, String> original) throws Exception {
        ProducerRecord<String, String> copy = new ProducerRecord<>(original.topic(), original.key(), original.value());
        original.headers().forEach(header -> copy.headers().add(header));
        producer.send(copy).get();
    }

    void send(String topic, String key, String value, Map<String, String> headers) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
    }

    /** Every record the topic holds now, in partition order; empty when the topic does not exist. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 10 * 1024 * 1024);
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

    /**
     * Waits until every group has consumed every record of the topics it reads, and stays so for a few seconds
     * (a consumer that produces, like the summarizer, makes new work for the next one).
     */
    void awaitConsumed(Collection<String> groups, Duration timeout) throws Exception {
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
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                long position = entry.getValue() == null ? 0 : entry.getValue().offset();
                lag += Math.max(0, ends.get(entry.getKey()).offset() - position);
            }
        }
        return lag;
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}

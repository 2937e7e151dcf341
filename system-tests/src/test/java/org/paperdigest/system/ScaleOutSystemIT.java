package org.paperdigest.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.Topics;
import org.paperdigest.testing.Broker;
import org.paperdigest.testing.FakeOpenAiServer;
import org.paperdigest.testing.FixtureServer;

/**
 * The services scaled out on partitioned topics: one fetcher, two summarizers, two Q&A services and two publishers.
 * Midway through week 2023-11-20 one summarizer and one Q&A service are killed (SIGKILL: no shutdown, no leaving
 * the group); the survivors take over their partitions, redo what was not committed, and the issue comes out as
 * a single instance makes it, announced once although two publishers consumed its events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutSystemIT {

    private static final String WEEK = "2023-11-20";
    private static final String MIRASOL = "arxiv:2311.05698";
    private static final int PARTITIONS = 4;
    /** Every topic a service consumes, created partitioned before any service starts. */
    private static final List<String> CONSUMED_TOPICS = List.of(Topics.ISSUE_PLANS, Topics.PAPERS_FETCHED,
            Topics.PAPER_SUMMARIES, Topics.PAPER_ANSWERS, Topics.PAPER_FAILURES, Topics.REGENERATION_REQUESTS);
    private static final List<String> GROUPS =
            List.of("fetcher-service", "summarizer-service", "qa-service", "publisher-service");
    private static final Map<String, Integer> REPLICAS = Map.of(
            "fetcher-service", 1, "summarizer-service", 2, "qa-service", 2, "publisher-service", 2);

    private final Path repo = Path.of(System.getProperty("user.dir")).getParent();
    private final Map<String, ServiceProcess> instances = new LinkedHashMap<>();
    private final Map<String, Kill> kills = new LinkedHashMap<>();
    private Broker broker;
    private FixtureServer fixtures;
    private FakeOpenAiServer llm;
    private List<String> planned;
    private JsonNode published;

    /** A worker stage: the group that does it and the topic its successes go to. */
    private enum Stage {
        SUMMARIZE("summarizer-service", Topics.PAPER_SUMMARIES),
        ANSWER("qa-service", Topics.PAPER_ANSWERS);

        final String group;
        final String topic;

        Stage(String group, String topic) {
            this.group = group;
            this.topic = topic;
        }
    }

    /** The replica killed in a stage, the papers-fetched partitions it owned, and what its group had committed. */
    private record Kill(String instance, Set<TopicPartition> partitions, long uncommitted, Instant at) {
    }

    @BeforeAll
    void startScaledOutSystemAndKillAReplicaOfEachWorkerMidway() throws Exception {
        SystemEnvironment environment = SystemEnvironment.fromEnv();

        broker = new Broker(environment.bootstrap());
        broker.reset(allTopics(), GROUPS);
        environment.emptyServiceSchemas();
        // Papers are keyed by paperKey, so they spread over the partitions and each replica gets a share.
        broker.createTopics(CONSUMED_TOPICS, PARTITIONS);

        fixtures = FixtureServer.start();
        llm = FakeOpenAiServer.start();
        // Slow replies keep papers in flight long enough for the kill to land in the middle of the week.
        llm.delayReplies(Duration.ofMillis(1500));
        Path logs = Files.createDirectories(repo.resolve("system-tests/target/service-logs"));
        Map<String, String> common = environment.serviceSettings(fixtures, llm);
        // Seven JVMs starting on two cores can starve a connection attempt past the default 5 s.
        common.put("quarkus.datasource.jdbc.acquisition-timeout", "PT1M");
        // One paper at a time per replica, so that each has papers still waiting when one is killed.
        common.put("smallrye.messaging.worker.papers.max-concurrency", "1");
        for (String module : GROUPS) {
            for (int replica = 1; replica <= REPLICAS.get(module); replica++) {
                String instance = module + "-" + replica;
                Map<String, String> settings = new HashMap<>(common);
                if (!module.equals("fetcher-service")) {
                    // Names the replica's consumer in the group's assignment.
                    settings.put("mp.messaging.incoming.papers-fetched.client.id", instance);
                    // A killed consumer never says goodbye: its group notices when the session times out (45 s
                    // by default). A shorter session lets the survivor take over sooner; the outcome is the same.
                    settings.put("mp.messaging.incoming.papers-fetched.session.timeout.ms", "10000");
                    settings.put("mp.messaging.incoming.papers-fetched.heartbeat.interval.ms", "2000");
                }
                instances.put(instance, ServiceProcess.start(repo, module, instance, settings, logs));
            }
        }
        // Seven JVMs starting at once on a small machine take a while; a ready service ends its wait at once.
        for (ServiceProcess instance : instances.values()) {
            instance.awaitReady(Duration.ofMinutes(10));
        }

        Instant requested = Instant.now();
        HttpResponse<String> accepted = Http.postJson(
                instances.get("fetcher-service-1").url("/api/issues"), "{\"week\":\"" + WEEK + "\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        planned = plannedPapers();
        killOneReplicaOfEachStageMidway();
        published = awaitPublished(Duration.ofMinutes(8));
        Duration took = Duration.between(requested, Instant.now());

        Kill summarizer = kills.get(Stage.SUMMARIZE.group);
        Kill qa = kills.get(Stage.ANSWER.group);
        System.out.printf("Scale-out system test: %d papers on %d partitions, requested → published in %.1f s;"
                        + " killed %s (%d papers-fetched records uncommitted, redelivered) and %s (%d);"
                        + " outputs after the kill on their partitions: %d summaries, %d answers;"
                        + " duplicate outputs: %d summaries, %d answers; issues-published records: %d%n",
                planned.size(), PARTITIONS, took.toMillis() / 1000.0,
                summarizer.instance(), summarizer.uncommitted(), qa.instance(), qa.uncommitted(),
                outputsAfterKill(Stage.SUMMARIZE).size(), outputsAfterKill(Stage.ANSWER).size(),
                duplicates(Stage.SUMMARIZE), duplicates(Stage.ANSWER), announcements().size());
    }

    @AfterAll
    void stopSystem() throws Exception {
        for (ServiceProcess instance : instances.values()) {
            instance.close();
        }
        if (llm != null) {
            llm.close();
        }
        if (fixtures != null) {
            fixtures.close();
        }
        if (broker != null) {
            // The partitioned topics go, so that a later test gets the broker's default ones.
            broker.reset(allTopics(), GROUPS);
            broker.close();
        }
    }

    private static List<String> allTopics() {
        List<String> topics = new ArrayList<>(CONSUMED_TOPICS);
        topics.add(Topics.ISSUES_PUBLISHED);
        CONSUMED_TOPICS.forEach(topic -> topics.add(Topics.deadLetter(topic)));
        return topics;
    }

    @Test
    void everyPlannedPaperIsInTheIssueOnceWithTheOutcomesOfASingleInstance() {
        List<JsonNode> papers = new ArrayList<>();
        published.at("/content/papers").forEach(papers::add);
        assertEquals(planned, papers.stream().map(paper -> paper.get("paperKey").asText()).toList(),
                "each planned paper once, in the plan's order");
        assertEquals(10, published.at("/content/paperCount").asInt());
        assertEquals(1, published.at("/content/failedCount").asInt());
        for (JsonNode paper : papers) {
            String key = paper.get("paperKey").asText();
            if (key.equals(MIRASOL)) {
                assertEquals("FETCH", paper.at("/failures/0/stage").asText(), paper.toString());
                continue;
            }
            assertTrue(paper.get("failures") == null || paper.get("failures").isEmpty(), key + " did not fail");
            assertTrue(paper.at("/summaryGeneration/quality").isObject(), key + " is summarized");
            assertTrue(paper.at("/qaGeneration/quality").isObject(), key + " is answered");
            assertFalse(paper.get("qa").isEmpty(), key + " has answers");
        }
        List<String> fetched = planned.stream().filter(key -> !key.equals(MIRASOL)).sorted().toList();
        for (Stage stage : Stage.values()) {
            assertEquals(fetched, outputs(stage).stream().map(ConsumerRecord::key).distinct().sorted().toList(),
                    stage + ": an outcome for every fetched paper");
            assertTrue(broker.readAll(Topics.PAPER_FAILURES).stream()
                    .noneMatch(record -> stage.name().equals(json(record).get("stage").asText())),
                    "no paper failed in " + stage);
        }
    }

    /**
     * Both publishers consume the issue's events (each owns partitions), and the event that completes the issue
     * can reach either of them while the other runs its sweep. Exactly one announcement is guaranteed by
     * IssuePublication.publishIfComplete: it locks the issue's row (SELECT ... FOR UPDATE) and publishes only
     * an issue whose status is COMPLETE, setting it to PUBLISHED in the same transaction; a second caller waits
     * for the lock and then reads PUBLISHED. issue_revision's primary key (issue_id, revision) would refuse a
     * second first revision besides. (The send is awaited before the commit: a publisher dying between the
     * broker's acknowledgement and the commit would leave the issue COMPLETE, and the sweep would announce it again.
     * This test kills no publisher.)
     */
    @Test
    void issuesPublishedHoldsOneRecordAlthoughTwoPublishersConsumedTheEvents() throws Exception {
        assertEquals(1, announcements().size(), "published exactly once: " + announcements());
        Map<String, Set<TopicPartition>> publishers = broker.assignment("publisher-service").entrySet().stream()
                .filter(member -> member.getKey().startsWith("publisher-service-"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(2, publishers.size(), "both publisher replicas are in the group: " + publishers);
        assertTrue(publishers.values().stream().noneMatch(Set::isEmpty),
                "each publisher replica owns papers-fetched partitions: " + publishers);
    }

    @Test
    void theKilledReplicasPartitionsWereTakenOverByTheSurvivors() throws Exception {
        for (Stage stage : Stage.values()) {
            Kill kill = kills.get(stage.group);
            assertFalse(outputsAfterKill(stage).isEmpty(),
                    "outputs for " + kill.partitions() + " came after " + kill.instance() + " was killed");
            Map<String, Set<TopicPartition>> owners = broker.assignment(stage.group);
            Set<TopicPartition> survivorOwns = owners.values().stream().flatMap(Set::stream)
                    .filter(partition -> partition.topic().equals(Topics.PAPERS_FETCHED))
                    .collect(Collectors.toSet());
            assertEquals(1, owners.size(), stage.group + " has one member left: " + owners);
            assertTrue(survivorOwns.containsAll(kill.partitions()), "the survivor owns " + kill.partitions());
        }
    }

    /** Waits until each stage is partly done, then kills the replica with the most unfinished partitions. */
    private void killOneReplicaOfEachStageMidway() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        while (kills.size() < Stage.values().length) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the stages did not get midway within 6 min; killed so far: " + kills);
            }
            Map<String, TopicPartition> fetched = new HashMap<>();
            broker.readAll(Topics.PAPERS_FETCHED).forEach(record ->
                    fetched.put(record.key(), new TopicPartition(record.topic(), record.partition())));
            for (Stage stage : Stage.values()) {
                if (kills.containsKey(stage.group)) {
                    continue;
                }
                Set<String> done = outputs(stage).stream().map(ConsumerRecord::key).collect(Collectors.toSet());
                assertTrue(done.size() < planned.size() - 1,
                        stage + " finished every paper before the kill: slow the LLM down");
                if (done.size() < 2) {
                    continue;
                }
                Set<TopicPartition> unfinished = fetched.entrySet().stream()
                        .filter(paper -> !done.contains(paper.getKey()))
                        .map(Map.Entry::getValue)
                        .collect(Collectors.toSet());
                Map.Entry<String, Set<TopicPartition>> busiest = broker.assignment(stage.group).entrySet().stream()
                        .max(Comparator.comparingLong(member -> member.getValue().stream()
                                .filter(unfinished::contains).count()))
                        .orElseThrow();
                if (busiest.getValue().stream().noneMatch(unfinished::contains)) {
                    continue;
                }
                String instance = instanceOf(busiest.getKey());
                assertTrue(Files.readString(instances.get(instance).log()).contains(
                        stage == Stage.SUMMARIZE ? "summarizing arxiv:" : "answering arxiv:"),
                        instance + " had taken papers before it was killed");
                Map<TopicPartition, Long> committed = broker.committedOffsets(stage.group);
                long uncommitted = busiest.getValue().stream()
                        .mapToLong(partition -> fetched.values().stream().filter(partition::equals).count()
                                - committed.getOrDefault(partition, 0L))
                        .sum();
                Instant at = Instant.now();
                instances.get(instance).kill();
                kills.put(stage.group, new Kill(instance, busiest.getValue(), uncommitted, at));
            }
            Thread.sleep(300);
        }
    }

    /** The replica whose consumer has this client id (set per replica; the connector may add a suffix). */
    private String instanceOf(String clientId) {
        return instances.keySet().stream().filter(clientId::startsWith).findFirst()
                .orElseThrow(() -> new AssertionError("no replica for consumer " + clientId));
    }

    private List<String> plannedPapers() throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : broker.readAll(Topics.ISSUE_PLANS)) {
                if (WEEK.equals(record.key())) {
                    List<String> keys = new ArrayList<>();
                    json(record).get("papers").forEach(paper -> keys.add(paper.get("paperKey").asText()));
                    return keys;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no plan for " + WEEK + " on " + Topics.ISSUE_PLANS);
    }

    /** The stage's outcome records: its successes, and its failures from paper-failures. */
    private List<ConsumerRecord<String, String>> outputs(Stage stage) {
        List<ConsumerRecord<String, String>> outputs = new ArrayList<>(broker.readAll(stage.topic));
        broker.readAll(Topics.PAPER_FAILURES).stream()
                .filter(record -> stage.name().equals(json(record).get("stage").asText()))
                .forEach(outputs::add);
        return outputs;
    }

    /** Outcomes for papers of the killed replica's partitions, made after it died: only a survivor made them. */
    private List<ConsumerRecord<String, String>> outputsAfterKill(Stage stage) {
        Kill kill = kills.get(stage.group);
        Set<String> onKilledPartitions = broker.readAll(Topics.PAPERS_FETCHED).stream()
                .filter(record -> kill.partitions().contains(new TopicPartition(record.topic(), record.partition())))
                .map(ConsumerRecord::key)
                .collect(Collectors.toSet());
        return outputs(stage).stream()
                .filter(record -> record.timestamp() > kill.at().toEpochMilli())
                .filter(record -> onKilledPartitions.contains(record.key()))
                .toList();
    }

    /** Outcome records beyond one per paper: work the killed replica had done but not committed, done again. */
    private long duplicates(Stage stage) {
        List<ConsumerRecord<String, String>> outputs = outputs(stage);
        return outputs.size() - outputs.stream().map(ConsumerRecord::key).distinct().count();
    }

    private List<ConsumerRecord<String, String>> announcements() {
        return broker.readAll(Topics.ISSUES_PUBLISHED).stream().filter(record -> WEEK.equals(record.key())).toList();
    }

    private JsonNode awaitPublished(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode issue = null;
        while (Instant.now().isBefore(deadline)) {
            for (int replica = 1; replica <= 2; replica++) {
                HttpResponse<String> response =
                        Http.get(instances.get("publisher-service-" + replica).url("/api/issues/" + WEEK));
                if (response.statusCode() == 200) {
                    issue = Http.json(response);
                    if ("PUBLISHED".equals(issue.get("status").asText())) {
                        return issue;
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("week " + WEEK + " not published within " + timeout + "; last state: " + issue
                + "; service logs in system-tests/target/service-logs");
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return EventCodec.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError("not JSON on " + record.topic() + ": " + record.value(), e);
        }
    }
}

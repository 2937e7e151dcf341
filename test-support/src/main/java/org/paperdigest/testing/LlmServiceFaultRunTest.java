package org.paperdigest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.Topics;
import org.paperdigest.testing.FakeOpenAiServer.Fault;

/**
 * The fault run of a service that answers each fetched paper through an LLM: a batch of papers is processed while
 * {@link FakeOpenAiServer} faults a seeded {@value #SHARE} of all chat calls with 429 and {@code Retry-After: 1}, 500,
 * or a reply held back past the client's timeout. Every paper must still get its result, none a failure; the
 * service's {@code /q/metrics} must show every fault the fake served among its HTTP client requests, by status, and
 * one retry, with its reason, per failed attempt. (An attempt fails only when LangChain4j's own repeat of the failed
 * request fails too, so there are fewer retries than faults.) A subclass is a {@code @QuarkusTest} with
 * {@code @WithTestResource(FakeLlmResource.class)} and a test profile with {@link #CONFIG}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LlmServiceFaultRunTest {

    public static final double SHARE = 0.3;
    /**
     * The seed of the fake's draws, one per call in arrival order: while the papers need the same calls, every run
     * is served the same faults (with this seed, each kind reaches both the summarizer's and qa's batch).
     */
    public static final long SEED = 18L;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    /**
     * The fault run's settings: a short request timeout, and retries enough that no call meets faults that many
     * times in a row; the backoff and the circuit breaker keep their defaults.
     */
    public static final Map<String, String> CONFIG = Map.of(
            "quarkus.langchain4j.openai.timeout", REQUEST_TIMEOUT.toSeconds() + "s",
            "%test.quarkus.fault-tolerance.global.retry.max-retries", "8");

    /** The {@code status} tag of Quarkus' HTTP client meter for a request that met each fault. */
    private static final Map<Fault, String> STATUS = Map.of(Fault.RATE_LIMITED, "429", Fault.SERVER_ERROR, "500",
            Fault.TIMEOUT, "UNKNOWN");

    private final String in;
    private final String out;
    private final String failures;
    private final Duration patience;
    private Broker broker;

    @InjectFakeLlm
    protected FakeOpenAiServer llm;

    /**
     * @param topicPrefix what the test profile puts before each topic name, e.g. {@code it-summarizer.}
     * @param outputTopic the topic of the event emitted for a processed paper
     * @param patience    how long the whole batch may take
     */
    protected LlmServiceFaultRunTest(String topicPrefix, String outputTopic, Duration patience) {
        this.in = topicPrefix + Topics.PAPERS_FETCHED;
        this.out = topicPrefix + outputTopic;
        this.failures = topicPrefix + Topics.PAPER_FAILURES;
        this.patience = patience;
    }

    /** The nine recorded papers of the week 2023-11-20 as one issue, abstracts only. */
    protected List<PaperFetched> batch(String issueId) {
        return RecordedPapers.WEEK_2023_11_20.stream().map(id -> RecordedPapers.abstractOnly(id, issueId)).toList();
    }

    @BeforeAll
    void connect() {
        broker = new Broker();
        broker.ensureTopics(in, out, failures);
    }

    @AfterAll
    void disconnect() {
        broker.close();
        StoredResults.forget(FakeOpenAiServer.MODEL);
    }

    @Test
    void everyPaperGetsItsResultWhileAShareOfCallsFailsAndEachRetryIsCounted() throws Exception {
        llm.reset();
        StoredResults.forget(FakeOpenAiServer.MODEL);
        String before = metrics();
        llm.faultShare(SHARE, SEED, REQUEST_TIMEOUT.multipliedBy(2));
        String issueId = "custom-it-faults-" + UUID.randomUUID();
        List<PaperFetched> papers = batch(issueId);

        papers.forEach(paper -> broker.publish(in, paper));

        Set<String> done = awaitResults(issueId, papers.size());
        assertEquals(papers.stream().map(PaperFetched::paperKey).collect(Collectors.toSet()), done);
        String after = metrics();
        Map<Fault, Integer> served = new EnumMap<>(Fault.class);
        Map<Fault, Integer> failedRequests = new EnumMap<>(Fault.class);
        for (Fault fault : List.of(Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.TIMEOUT)) {
            served.put(fault, llm.faultsServed(fault));
            failedRequests.put(fault,
                    delta(before, after, "http_client_requests_seconds_count", "status", STATUS.get(fault)));
        }
        Map<String, Integer> retries = new TreeMap<>();
        Map<String, Integer> failedAttempts = new TreeMap<>();
        for (String reason : List.of("rate_limited", "server_error", "timeout", "unreachable")) {
            retries.put(reason, delta(before, after, "paperdigest_llm_retries_total", "reason", reason));
            failedAttempts.put(reason, delta(before, after, "paperdigest_llm_calls_total", "outcome", reason));
        }
        System.out.printf("Fault run: %d papers, %d chat calls; faults served %s; failed requests seen %s;"
                + " failed attempts %s; retries %s%n", papers.size(), llm.chatCalls(), served, failedRequests,
                failedAttempts, retries);
        assertTrue(served.values().stream().mapToInt(Integer::intValue).sum() > 0, "no call was faulted");
        assertEquals(served, failedRequests, "the client saw every fault the fake served, by kind");
        assertEquals(failedAttempts, retries, "every failed attempt was retried, and counted with its reason");
        assertTrue(retries.values().stream().mapToInt(Integer::intValue).sum() > 0, "no attempt was retried");
    }

    /** The keys of the papers of {@code issueId} with a result; fails with a failure's reason if one failed. */
    private Set<String> awaitResults(String issueId, int count) {
        try {
            return broker.awaitRecords(out, r -> ofIssue(r, issueId), count, patience).stream()
                    .map(ConsumerRecord::key).collect(Collectors.toSet());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            ConsumerRecord<String, String> failure = broker.awaitRecord(failures, r -> ofIssue(r, issueId),
                    Duration.ofSeconds(10));
            return fail("a paper failed under transient faults: " + failure.value());
        }
    }

    private static boolean ofIssue(ConsumerRecord<String, String> record, String issueId) {
        return record.value() != null && record.value().contains("\"" + issueId + "\"");
    }

    /** The service's {@code /q/metrics} in the Prometheus text format. */
    private static String metrics() throws IOException, InterruptedException {
        return PrometheusText.scrapeAppUnderTest();
    }

    private static int delta(String before, String after, String name, String label, String value) {
        return count(after, name, label, value) - count(before, name, label, value);
    }

    /** The sum of the samples of {@code name} whose {@code label} is {@code value}; 0 before the first. */
    private static int count(String metrics, String name, String label, String value) {
        return (int) PrometheusText.parse(metrics).samples(name, Map.of(label, value)).stream()
                .mapToDouble(PrometheusText.Sample::value).sum();
    }
}

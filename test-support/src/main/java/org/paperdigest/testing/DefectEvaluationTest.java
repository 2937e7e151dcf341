package org.paperdigest.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.Stage;
import org.paperdigest.events.Topics;
import org.paperdigest.testing.DefectInjector.Defect;
import org.paperdigest.testing.DefectInjector.Injection;

/**
 * How well a service's checks keep a model's defects out of what it emits, measured on real papers. All papers go
 * through the whole service on the real broker and database, in one issue, while {@link DefectInjector} writes known
 * defects into a seeded share of the fake model's replies. The test prints, for each kind of defect, how many were
 * injected and how many reached an emitted event, and fails unless every expected kind was injected at least once
 * (so it cannot pass by injecting nothing), none reached an event, every paper ended in its event or in a failure
 * with a reason, and each reply rejected on a first try was re-asked. A subclass is a {@code @QuarkusTest} with
 * {@code @WithTestResource(DefectLlmResource.class)}.
 *
 * @param <R> the event the service emits for a paper it could process
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DefectEvaluationTest<R extends DigestEvent> {

    private final String in;
    private final String out;
    private final String failures;
    private final EventType<R> output;
    private final Stage stage;
    private final List<Defect> kinds;
    private final double rate;
    private final long seed;
    private final Duration patience;

    @InjectFakeLlm
    protected FakeOpenAiServer llm;

    @InjectFakeLlm
    protected DefectInjector defects;

    /**
     * @param topicPrefix what the test profile puts before each topic name, e.g. {@code it-qa.}
     * @param kinds       the defects the service's replies can carry: each must be injected at least once
     * @param rate        the share of replies made defective
     * @param seed        the seed of the draw of defective replies
     */
    protected DefectEvaluationTest(String topicPrefix, EventType<R> output, Stage stage, List<Defect> kinds,
            double rate, long seed, Duration patience) {
        this.in = topicPrefix + Topics.PAPERS_FETCHED;
        this.out = topicPrefix + output.topic();
        this.failures = topicPrefix + Topics.PAPER_FAILURES;
        this.output = output;
        this.stage = stage;
        this.kinds = kinds;
        this.rate = rate;
        this.seed = seed;
        this.patience = patience;
    }

    /** The papers of the evaluation, each with a paper key of its own, in issue {@code issueId}. */
    protected abstract List<PaperFetched> papers(String issueId);

    /** Every text of {@code event} that came from the model. */
    protected abstract List<String> texts(R event);

    @AfterAll
    void forgetResults() {
        StoredResults.forget(FakeOpenAiServer.MODEL);
    }

    @Test
    void noInjectedDefectReachesAnEmittedEvent() {
        StoredResults.forget(FakeOpenAiServer.MODEL);
        llm.reset();
        defects.inject(rate, seed);
        String issueId = "custom-it-eval-" + UUID.randomUUID();
        List<PaperFetched> papers = papers(issueId);
        List<ConsumerRecord<String, String>> outcomes;
        try (Broker broker = new Broker()) {
            broker.ensureTopics(in, out, failures);
            papers.forEach(paper -> broker.publish(in, paper));
            outcomes = broker.awaitRecords(List.of(out, failures),
                    r -> r.value() != null && r.value().contains("\"" + issueId + "\""), papers.size(), patience);
        }

        assertEquals(papers.stream().map(PaperFetched::paperKey).collect(Collectors.toSet()),
                outcomes.stream().map(ConsumerRecord::key).collect(Collectors.toSet()), "one outcome per paper");
        assertEquals(papers.size(), outcomes.size(), "one outcome per paper");
        List<String> emitted = new ArrayList<>();
        for (ConsumerRecord<String, String> record : outcomes) {
            if (record.topic().equals(out)) {
                emitted.addAll(texts(EventCodec.decode(record, output).payload()));
            } else {
                PaperFailed failure = EventCodec.decode(record, EventType.PAPER_FAILED).payload();
                assertEquals(stage, failure.stage());
                assertFalse(failure.reason().isBlank(), "a failure says why");
                System.out.println(record.key() + " failed: " + failure.reason());
            }
        }
        List<Injection> injected = defects.injections();
        List<Tally> tallies = kinds.stream().map(kind -> Tally.of(kind, injected, emitted)).toList();
        System.out.println(report(papers.size(), outcomes, injected, tallies));

        long reAsks = llm.calls().stream().filter(c -> c.prompt().contains("<problems>")).count();
        long rejectedFirstTries = injected.stream()
                .filter(i -> !i.reAsk() && i.kind() != Defect.DUPLICATE_QUESTION).count();
        List<Executable> checks = new ArrayList<>();
        tallies.forEach(t -> checks.add(() -> {
            assertTrue(t.injected() > 0, t.kind() + " was never injected: the evaluation proves nothing about it");
            assertEquals(0, t.leaked(), t.kind() + " reached an emitted event: " + t.leakedTexts());
        }));
        checks.add(() -> assertTrue(reAsks > 0 && reAsks >= rejectedFirstTries,
                reAsks + " re-asks for " + rejectedFirstTries + " defective first replies"));
        assertAll(checks);
    }

    private String report(int paperCount, List<ConsumerRecord<String, String>> outcomes, List<Injection> injected,
            List<Tally> tallies) {
        StringBuilder table = new StringBuilder();
        long failed = outcomes.stream().filter(r -> r.topic().equals(failures)).count();
        table.append(String.format("%nDefect evaluation: %d papers, %d emitted, %d failed; rate %.2f, seed %d%n",
                paperCount, paperCount - failed, failed, rate, seed));
        for (String task : kinds.stream().map(Defect::task).distinct().toList()) {
            long replies = llm.calls().stream().filter(c -> c.task().equals(task) && c.status() == 200).count();
            long defective = injected.stream().filter(i -> i.kind().task().equals(task)).count();
            table.append(String.format("%s replies: %d, made defective: %d%n", task, replies, defective));
        }
        table.append(String.format("%-20s | %8s | %22s | %6s%n", "defect kind", "injected", "caught (not in output)",
                "leaked"));
        tallies.forEach(t -> table.append(String.format("%-20s | %8d | %22d | %6d%n", t.kind(), t.injected(),
                t.injected() - t.leaked(), t.leaked())));
        return table.toString();
    }

    /** Of one kind of defect: how many were injected, and the defective texts found in an emitted event. */
    private record Tally(Defect kind, int injected, List<String> leakedTexts) {

        static Tally of(Defect kind, List<Injection> injected, List<String> emitted) {
            List<Injection> ofKind = injected.stream().filter(i -> i.kind() == kind).toList();
            List<String> leaked = ofKind.stream().map(Injection::text)
                    .filter(text -> emitted.stream().anyMatch(e -> e.contains(text))).toList();
            return new Tally(kind, ofKind.size(), leaked);
        }

        int leaked() {
            return leakedTexts.size();
        }
    }
}

package org.paperdigest.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.jboss.logging.MDC;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.PaperFailed;

/**
 * What one pipeline stage did with papers, the same meters in every service, for {@code /q/metrics}:
 * <ul>
 * <li>{@code paperdigest_papers_total{stage,outcome}}: papers done, {@code outcome} {@code ok} or {@code failed};</li>
 * <li>{@code paperdigest_stage_seconds{stage}}: a histogram of how long a paper's work took;</li>
 * <li>{@code paperdigest_stage_active_seconds{stage}}: papers being worked on now, and the longest of them so far
 * ({@code _max}), which is how a stuck paper shows.</li>
 * </ul>
 * While a paper is worked on, its {@code issueId} and {@code paperKey} are in the logging MDC, so every log line
 * of that work (JSON logs carry the MDC) names the paper.
 */
public final class StageMeters {

    public static final String FETCH = "fetch";
    public static final String SUMMARIZE = "summarize";
    public static final String ANSWER = "answer";
    public static final String PUBLISH = "publish";

    private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1),
        Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30)};

    private final MeterRegistry registry;
    private final String stage;
    private final Timer latency;
    private final LongTaskTimer active;

    /** @param stage one of {@link #FETCH}, {@link #SUMMARIZE}, {@link #ANSWER}, {@link #PUBLISH} */
    public StageMeters(MeterRegistry registry, String stage) {
        this.registry = registry;
        this.stage = stage;
        this.latency = Timer.builder("paperdigest.stage").description("How long a paper's work in a stage took")
                .tag("stage", stage).serviceLevelObjectives(BUCKETS).register(registry);
        this.active = LongTaskTimer.builder("paperdigest.stage.active")
                .description("Papers being worked on in a stage, and for how long").tag("stage", stage)
                .register(registry);
        for (String outcome : new String[] {"ok", "failed"}) {
            papers(outcome); // both series exist from the start, so rates and sums need no absent() guards
        }
    }

    /** Meters kept only in memory, for code run outside a service (unit tests). */
    public static StageMeters unpublished(String stage) {
        return new StageMeters(new SimpleMeterRegistry(), stage);
    }

    /** Starts timing one paper's work and puts it in the MDC; close the returned work when it is over. */
    public PaperWork start(String issueId, String paperKey) {
        return new PaperWork(issueId, paperKey);
    }

    /** Counts {@code count} papers done with {@code outcome} ({@code ok} or {@code failed}). */
    public void counted(String outcome, int count) {
        papers(outcome).increment(count);
    }

    private Counter papers(String outcome) {
        return Counter.builder("paperdigest.papers").description("Papers done by a stage, by outcome")
                .tag("stage", stage).tag("outcome", outcome).register(registry);
    }

    /** One paper's work in the stage. */
    public final class PaperWork implements AutoCloseable {

        private final Timer.Sample sample = Timer.start(registry);
        private final LongTaskTimer.Sample running = active.start();

        private PaperWork(String issueId, String paperKey) {
            MDC.put("issueId", issueId);
            if (paperKey != null) {
                MDC.put("paperKey", paperKey);
            }
        }

        /** Counts the paper as done by the event it ends with: {@code failed} for a {@link PaperFailed}. */
        public void finished(DigestEvent outcome) {
            counted(outcome instanceof PaperFailed ? "failed" : "ok", 1);
        }

        @Override
        public void close() {
            sample.stop(latency);
            running.stop();
            MDC.remove("issueId");
            MDC.remove("paperKey");
        }
    }
}

package org.paperdigest.llm.stage;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.paperdigest.events.Generation;
import org.paperdigest.events.PaperEvent;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.pipeline.StageMeters;
import org.paperdigest.llm.LlmCalls;
import org.paperdigest.llm.LlmException;
import org.paperdigest.llm.persistence.GenerationKey;
import org.paperdigest.llm.persistence.GenerationStore;
import org.paperdigest.llm.persistence.IssueBudget;
import org.paperdigest.llm.persistence.StoredGeneration;

/**
 * Runs the service's {@link LlmStage} for one fetched paper: a result stored for the same paper version, prompt
 * version and model is reused without an LLM call; otherwise, while the paper's issue has budget left, the stage
 * makes it, its cost is charged to the issue, and a result that passed its checks is stored. Any other end is a
 * {@link PaperFailed} that says why; a failure is not stored, so a later attempt can succeed.
 */
@ApplicationScoped
public class LlmStageRunner {

    private static final Logger LOG = Logger.getLogger(LlmStageRunner.class);

    private final LlmStage<?> stage;
    private final String stageName;
    private final String activity;
    private final GenerationStore store;
    private final IssueBudget budget;
    private final LlmCalls calls;
    private final StageMeters meters;

    LlmStageRunner(LlmStage<?> stage, GenerationStore store, IssueBudget budget, LlmCalls calls,
            MeterRegistry registry) {
        this.stage = stage;
        this.stageName = stage.stage().name().toLowerCase(Locale.ROOT);
        this.activity = switch (stage.stage()) {
            case SUMMARIZE -> "summarizing";
            case ANSWER -> "answering";
            case FETCH -> throw new IllegalArgumentException("fetching is no LLM stage");
        };
        this.store = store;
        this.budget = budget;
        this.calls = calls;
        this.meters = new StageMeters(registry, stageName);
    }

    /**
     * Works on {@code paper}, with its keys in the log context and its time and outcome metered, and hands the
     * outcome to {@code deliver} before the work ends: a paper whose outcome cannot be sent still shows as in work.
     *
     * @return the outcome delivered
     */
    public PaperEvent run(PaperFetched paper, Consumer<? super PaperEvent> deliver) {
        try (StageMeters.PaperWork work = meters.start(paper.issueId(), paper.paperKey())) {
            // The first line in the paper's log context: operators search for it by stage and paper.
            LOG.infof("%s %s for issue %s", activity, paper.paperKey(), paper.issueId());
            PaperEvent outcome = outcome(stage, paper);
            work.finished(outcome);
            deliver.accept(outcome);
            return outcome;
        }
    }

    private <R> PaperEvent outcome(LlmStage<R> stage, PaperFetched paper) {
        Optional<String> unworkable = stage.unworkable(paper);
        if (unworkable.isPresent()) {
            return failed(paper, unworkable.get());
        }
        String model = calls.modelFor(paper);
        GenerationKey key = GenerationKey.of(paper, stage.promptVersion(), model);
        Optional<StoredGeneration<R>> stored = store.find(key, stage.resultType());
        if (stored.isPresent()) {
            LOG.infof("%s: %s result of %s reused, no LLM call", paper.paperKey(), stageName,
                    stored.get().generation().generatedAt());
            return stage.outcome(paper, stored.get().result(), stored.get().generation());
        }
        Optional<String> refusal = budget.refusal(paper.issueId());
        if (refusal.isPresent()) {
            return failed(paper, refusal.get());
        }
        Spend spend = new Spend();
        Generated<R> generated;
        try {
            generated = stage.generate(paper, model, spend);
        } catch (LlmException e) {
            generated = Generated.failed("the LLM call failed: " + e.getMessage());
        } finally {
            budget.charge(paper.issueId(), spend.total());
        }
        if (generated instanceof Generated.Made<R> made) {
            // Microseconds: what the store keeps, so a reuse carries exactly the time the first event carried.
            Generation generation = new Generation(made.model(), stage.promptVersion(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS), spend.total(), made.quality());
            store.save(key, made.result(), generation);
            return stage.outcome(paper, made.result(), generation);
        }
        return failed(paper, ((Generated.Failed<R>) generated).reason());
    }

    private PaperFailed failed(PaperFetched paper, String reason) {
        LOG.warnf("%s: %s failed: %s", paper.paperKey(), stageName, reason);
        return new PaperFailed(PaperFailed.SCHEMA_VERSION, paper.issueId(), paper.paperKey(), paper.revision(),
                stage.stage(), reason, Instant.now());
    }
}

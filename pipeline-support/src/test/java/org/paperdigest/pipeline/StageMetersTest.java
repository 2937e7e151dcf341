package org.paperdigest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.EventType;
import org.paperdigest.events.GoldenSamples;
import org.paperdigest.events.PaperSummarized;

class StageMetersTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final StageMeters meters = new StageMeters(registry, StageMeters.SUMMARIZE);

    @Test
    void aPaperIsCountedByTheEventItEndsWithAndTimedOnce() {
        PaperSummarized summarized = GoldenSamples.read(EventType.PAPER_SUMMARIZED);
        try (StageMeters.PaperWork work = meters.start(summarized.issueId(), summarized.paperKey())) {
            assertEquals(1, registry.get("paperdigest.stage.active").longTaskTimer().activeTasks());
            work.finished(summarized);
        }
        try (StageMeters.PaperWork work = meters.start("2023-11-20", "arxiv:2311.05698")) {
            work.finished(GoldenSamples.read(EventType.PAPER_FAILED));
        }

        assertEquals(1, papers("ok"));
        assertEquals(1, papers("failed"));
        assertEquals(2, registry.get("paperdigest.stage").tag("stage", "summarize").timer().count());
        assertEquals(0, registry.get("paperdigest.stage.active").longTaskTimer().activeTasks());
    }

    @Test
    void thePaperIsInTheMdcOnlyWhileItIsWorkedOn() {
        try (StageMeters.PaperWork work = meters.start("2023-11-20", "arxiv:2311.12022")) {
            assertEquals("2023-11-20", MDC.get("issueId"));
            assertEquals("arxiv:2311.12022", MDC.get("paperKey"));
        }
        assertNull(MDC.get("issueId"));
        assertNull(MDC.get("paperKey"));
    }

    @Test
    void bothOutcomesAreThereBeforeAnyPaperIsDone() {
        assertEquals(0, papers("ok"));
        assertEquals(0, papers("failed"));
    }

    private double papers(String outcome) {
        return registry.get("paperdigest.papers").tag("stage", "summarize").tag("outcome", outcome).counter().count();
    }
}

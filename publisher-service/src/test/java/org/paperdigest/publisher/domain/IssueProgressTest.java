package org.paperdigest.publisher.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperdigest.publisher.TestEvents.GPQA;
import static org.paperdigest.publisher.TestEvents.MIRASOL;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.publisher.TestEvents;

/** When a paper counts as complete, whatever order its events came in. */
class IssueProgressTest {

    private static final String ISSUE = "custom-unit-progress";
    private final IssuePlanned plan = TestEvents.plan(ISSUE, Instant.parse("2023-11-27T09:00:00Z"),
            TestEvents.goldenPlannedGpqa(), TestEvents.planned(1, MIRASOL, "Mirasol3B"));

    @Test
    void summaryAndAnswersBeforeTheFetchDoNotCompleteAPaper() {
        PaperRecord early = new PaperRecord(GPQA, null, TestEvents.gpqaSummarized(ISSUE),
                TestEvents.gpqaAnswered(ISSUE), null, null, null);
        assertFalse(early.complete());
        assertEquals(StageStatus.PENDING, early.fetch().status());
        assertEquals(StageStatus.DONE, early.summarize().status());
        assertTrue(early.started());
    }

    @Test
    void fetchedPaperWaitsForBothLaterStagesDoneOrFailed() {
        PaperRecord fetched = new PaperRecord(GPQA, TestEvents.gpqaFetched(ISSUE), null, null, null, null, null);
        assertFalse(fetched.complete());
        PaperRecord summarized = new PaperRecord(GPQA, TestEvents.gpqaFetched(ISSUE),
                TestEvents.gpqaSummarized(ISSUE), null, null, null, null);
        assertFalse(summarized.complete());
        PaperRecord answerFailed = new PaperRecord(GPQA, TestEvents.gpqaFetched(ISSUE),
                TestEvents.gpqaSummarized(ISSUE), null, null, null, "no answer");
        assertTrue(answerFailed.complete());
        assertEquals(new StageState(StageStatus.FAILED, "no answer"), answerFailed.answer());
    }

    @Test
    void failedFetchCompletesThePaperAndSkipsTheLaterStages() {
        PaperRecord failed = new PaperRecord(MIRASOL, null, null, null, TestEvents.FETCH_REASON, null, null);
        assertTrue(failed.complete());
        assertEquals(StageStatus.SKIPPED, failed.summarize().status());
        assertEquals(StageStatus.SKIPPED, failed.answer().status());
    }

    @Test
    void aLaterSuccessWinsOverAnEarlierFailure() {
        PaperRecord retried = new PaperRecord(GPQA, TestEvents.gpqaFetched(ISSUE), TestEvents.gpqaSummarized(ISSUE),
                TestEvents.gpqaAnswered(ISSUE), "timed out once", "bad JSON once", null);
        assertEquals(StageState.DONE, retried.fetch());
        assertEquals(StageState.DONE, retried.summarize());
        assertTrue(retried.complete());
    }

    @Test
    void progressCountsPlannedPapersInPlanOrderAndIgnoresUnplannedOnes() {
        PaperRecord unplanned = new PaperRecord(TestEvents.PASS, null, null, null, "not in the plan", null, null);
        IssueProgress nothing = IssueProgress.of(plan, Map.of(TestEvents.PASS, unplanned));
        assertEquals(new Progress(0, 2), nothing.progress());
        assertFalse(nothing.started());

        IssueProgress half = IssueProgress.of(plan, Map.of(
                MIRASOL, new PaperRecord(MIRASOL, null, null, null, TestEvents.FETCH_REASON, null, null),
                GPQA, new PaperRecord(GPQA, null, TestEvents.gpqaSummarized(ISSUE), null, null, null, null)));
        assertEquals(new Progress(1, 2), half.progress());
        assertTrue(half.started());
        assertFalse(half.complete());
        assertEquals(List.of(MIRASOL, GPQA), half.papers().stream().map(PaperProgress::paperKey).toList());
        assertEquals(List.of("Mirasol3B", "GPQA"), half.papers().stream().map(PaperProgress::title).toList());

        IssueProgress done = IssueProgress.of(plan, Map.of(
                MIRASOL, new PaperRecord(MIRASOL, null, null, null, TestEvents.FETCH_REASON, null, null),
                GPQA, new PaperRecord(GPQA, TestEvents.gpqaFetched(ISSUE), TestEvents.gpqaSummarized(ISSUE),
                        TestEvents.gpqaAnswered(ISSUE), null, null, null)));
        assertTrue(done.complete());
        assertEquals("GPQA: A Graduate-Level Google-Proof Q&A Benchmark", done.papers().get(1).title());
    }
}

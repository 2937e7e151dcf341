package org.paperdigest.fetcher.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.fetcher.EventTopics;
import org.paperdigest.fetcher.FixtureServerResource;
import org.paperdigest.fetcher.persistence.PlannedIssues;
import org.paperdigest.fetcher.service.IssuePlanner;
import org.paperdigest.testing.FixtureServer;

/** The weekly job: registered with the configured cron, off in tests, and planning the newest week once. */
@QuarkusTest
@WithTestResource(FixtureServerResource.class)
class WeeklyPlanScheduleTest {

    private static final int NEWER_WEEKS_WITH_OTHER_HOSTS = 10;

    @Inject
    Scheduler scheduler;

    @Inject
    WeeklyPlanSchedule.Disabled disabled;

    @Inject
    WeeklyPlanSchedule schedule;

    @Inject
    IssuePlanner planner;

    @Inject
    PlannedIssues issues;

    @FixtureServerResource.Server
    FixtureServer fixtures;

    @Test
    void theWeeklyJobIsRegisteredAndSkippedInTests() {
        Trigger job = scheduler.getScheduledJob("weekly-plan");
        assertNotNull(job, "no weekly-plan job");
        assertEquals("weekly-plan", job.getId());
        assertTrue(disabled.test(null), "paperdigest.fetcher.schedule.enabled is false in tests");
    }

    @Test
    void runningTwicePlansTheNewestWeekOnce() throws Exception {
        // The list as of its week of April 14, 2025, whose links all go to arXiv (answered by the fixture server):
        // the newer weeks link to other hosts, which a test must not try to reach.
        fixtures.leaveOutNewestWeeks(NEWER_WEEKS_WITH_OTHER_HOSTS);
        String newest = planner.list().newest().orElseThrow().start().toString();
        assertEquals("2025-04-14", newest);
        issues.forget(newest);
        try (EventTopics topics = new EventTopics()) {
            Map<TopicPartition, Long> start = topics.endOffsets();
            schedule.planNewestWeek();
            schedule.planNewestWeek();

            List<ConsumerRecord<String, String>> plans = topics.consume(EventTopics.PLANS, start, 1);
            assertEquals(newest, plans.get(0).key());
            IssuePlanned plan = EventCodec.decode(plans.get(0), EventType.ISSUE_PLANNED).payload();
            long papers = plan.papers().stream().map(p -> p.paperKey()).distinct().count();
            // Every paper of the week settles (the fixture server has no arXiv answer for it, so all fail) before the
            // plan count is taken, so no later test sees these events.
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                Map<TopicPartition, Long> now = topics.endOffsets();
                return EventTopics.count(start, now, EventTopics.FETCHED)
                        + EventTopics.count(start, now, EventTopics.FAILURES) >= papers;
            });
            Map<TopicPartition, Long> end = topics.endOffsets();
            assertEquals(1, EventTopics.count(start, end, EventTopics.PLANS), "one plan");
            // The fixture server has no answer for these ids: its HTTP 500 (retried) is what a person reads.
            List<String> reasons = topics.consume(EventTopics.FAILURES, start,
                    (int) EventTopics.count(start, end, EventTopics.FAILURES)).stream()
                    .map(r -> EventCodec.decode(r, EventType.PAPER_FAILED).payload().reason()).toList();
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith("arXiv export API lookup failed: arXiv export API"
                    + " did not answer") && r.contains(": HTTP 500 (no recorded export-API answer")), reasons.toString());
            assertTrue(issues.find(newest).isPresent());
        } finally {
            issues.forget(newest);
            fixtures.leaveOutNewestWeeks(0);
        }
    }
}

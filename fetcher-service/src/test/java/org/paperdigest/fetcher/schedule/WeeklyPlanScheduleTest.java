package org.paperdigest.fetcher.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperdigest.fetcher.FixtureServerResource;

/** The weekly job is registered with the configured cron and stays off in tests. */
@QuarkusTest
@WithTestResource(FixtureServerResource.class)
class WeeklyPlanScheduleTest {

    @Inject
    Scheduler scheduler;

    @Inject
    WeeklyPlanSchedule.Disabled disabled;

    @Test
    void theWeeklyJobIsRegisteredAndSkippedInTests() {
        Trigger job = scheduler.getScheduledJob("weekly-plan");
        assertNotNull(job, "no weekly-plan job");
        assertEquals("weekly-plan", job.getId());
        assertTrue(disabled.test(null), "paperdigest.fetcher.schedule.enabled is false in tests");
    }
}

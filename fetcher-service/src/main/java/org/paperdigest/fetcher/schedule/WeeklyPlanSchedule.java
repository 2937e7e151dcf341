package org.paperdigest.fetcher.schedule;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.paperdigest.fetcher.config.FetcherConfig;
import org.paperdigest.fetcher.service.IssuePlanner;
import org.paperdigest.fetcher.service.PlanOutcome;

/**
 * Plans the list's newest week on a weekly cron, through the same path as {@code POST /api/issues}: the issue is
 * recorded once, so a re-run (or a restart, or a second instance) with no new week plans nothing.
 */
@ApplicationScoped
public class WeeklyPlanSchedule {

    private static final Logger LOG = Logger.getLogger(WeeklyPlanSchedule.class);

    @Inject
    IssuePlanner planner;

    @Scheduled(identity = "weekly-plan", cron = "${paperdigest.fetcher.schedule.cron}",
            timeZone = "${paperdigest.fetcher.schedule.timezone}",
            skipExecutionIf = Disabled.class, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void planNewestWeek() {
        try {
            PlanOutcome outcome = planner.planLatest(false);
            if (outcome.existing()) {
                LOG.infof("weekly plan: newest week %s was already planned", outcome.issueId());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "weekly plan failed; the next run tries again");
        }
    }

    /** Skips runs unless {@code paperdigest.fetcher.schedule.enabled} is true. */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        FetcherConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.schedule().enabled();
        }
    }
}

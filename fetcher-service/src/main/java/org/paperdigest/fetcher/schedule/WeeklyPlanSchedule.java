package org.paperdigest.fetcher.schedule;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import org.jboss.logging.Logger;
import org.paperdigest.fetcher.config.FetcherConfig;
import org.paperdigest.fetcher.domain.Week;
import org.paperdigest.fetcher.service.IssuePlanner;

/** Plans the list's newest week on a weekly cron, once per week (a re-run with no new week does nothing). */
@ApplicationScoped
public class WeeklyPlanSchedule {

    private static final Logger LOG = Logger.getLogger(WeeklyPlanSchedule.class);

    @Inject
    IssuePlanner planner;

    private LocalDate lastPlanned;

    @Scheduled(identity = "weekly-plan", cron = "${paperdigest.fetcher.schedule.cron}", timeZone = "UTC",
            skipExecutionIf = Disabled.class, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void planNewestWeek() {
        try {
            Week newest = planner.list().newest().orElseThrow();
            if (newest.start().equals(lastPlanned)) {
                LOG.infof("weekly plan: newest week %s was already planned", newest.start());
                return;
            }
            planner.plan(newest.start());
            lastPlanned = newest.start();
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

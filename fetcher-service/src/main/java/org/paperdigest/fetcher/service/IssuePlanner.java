package org.paperdigest.fetcher.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.fetcher.client.ListUnavailableException;
import org.paperdigest.fetcher.domain.EventSink;
import org.paperdigest.fetcher.domain.IssuePlan;
import org.paperdigest.fetcher.domain.Week;
import org.paperdigest.fetcher.domain.WeeklyList;

/**
 * Plans the issue of one week: finds the week in the list, sends {@code IssuePlanned} (waiting for the broker),
 * then fetches the papers in the background so the caller gets its answer at once.
 */
@ApplicationScoped
public class IssuePlanner {

    private static final Logger LOG = Logger.getLogger(IssuePlanner.class);

    @Inject
    WeeklyListSource lists;

    @Inject
    EventSink events;

    @Inject
    IssueFetcher fetcher;

    @Inject
    ManagedExecutor executor;

    private final Clock clock = Clock.systemUTC();

    /**
     * @throws UnknownWeekException     when the list has no such week
     * @throws ListUnavailableException when the list cannot be read, or the week's section has no readable rows
     */
    public IssuePlanned plan(LocalDate weekStart) {
        WeeklyList list = lists.current();
        Week week = list.find(weekStart)
                .orElseThrow(() -> new UnknownWeekException(weekStart, list.nearest(weekStart, 2)));
        if (week.rows().isEmpty()) {
            throw new ListUnavailableException("the list's section \"" + week.heading() + "\" (line " + week.line()
                    + " of " + lists.url() + ") has no paper rows that could be read");
        }
        IssuePlan plan = IssuePlan.of(week, lists.url());
        IssuePlanned event = plan.toEvent(clock.instant());
        try {
            events.planned(event);
        } catch (RuntimeException e) {
            throw new PlanNotSentException("could not send the plan of issue " + event.issueId()
                    + " to the broker: " + e.getMessage(), e);
        }
        LOG.infof("planned issue %s with %d papers", event.issueId(), event.papers().size());
        executor.execute(() -> fetcher.fetch(plan));
        return event;
    }

    public WeeklyList list() {
        return lists.current();
    }
}

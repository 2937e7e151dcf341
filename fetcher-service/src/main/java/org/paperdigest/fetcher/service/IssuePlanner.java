package org.paperdigest.fetcher.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.domain.EventSink;
import org.paperdigest.fetcher.domain.IssueRun;
import org.paperdigest.fetcher.list.IssuePlan;
import org.paperdigest.fetcher.list.ListUnavailableException;
import org.paperdigest.fetcher.list.Week;
import org.paperdigest.fetcher.list.WeeklyList;
import org.paperdigest.fetcher.list.WeeklyListSource;
import org.paperdigest.fetcher.persistence.PlannedIssue;
import org.paperdigest.fetcher.persistence.PlannedIssues;

/**
 * Plans issues: records the issue and its papers, sends {@code IssuePlanned} (waiting for the broker), then has the
 * papers fetched in the background ({@link StoredPlanFetches}) so the caller gets its answer at once. A week is
 * planned once; asking again answers with the recorded issue unless a new plan is asked for ({@code replan}).
 */
@ApplicationScoped
public class IssuePlanner {

    private static final Logger LOG = Logger.getLogger(IssuePlanner.class);
    private static final DateTimeFormatter CUSTOM_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    @Inject
    WeeklyListSource lists;

    @Inject
    EventSink events;

    @Inject
    StoredPlanFetches fetches;

    @Inject
    PlannedIssues issues;

    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param replan plan the week again from the list even if it was planned before: its stored plan is replaced,
     *               the plan sent again and its papers fetched again
     * @throws UnknownWeekException     when the list has no such week
     * @throws ListUnavailableException when the list cannot be read, or the week's section has no readable rows
     */
    public PlanOutcome planWeek(LocalDate weekStart, boolean replan) {
        WeeklyList list = lists.current();
        Week week = list.find(weekStart)
                .orElseThrow(() -> new UnknownWeekException(weekStart, list.nearest(weekStart, 2)));
        return planWeek(week, replan);
    }

    /** The list's newest week, like {@link #planWeek(LocalDate, boolean)}. */
    public PlanOutcome planLatest(boolean replan) {
        // current() never answers a list without weeks.
        return planWeek(lists.current().newest().orElseThrow(), replan);
    }

    /**
     * A custom issue of arXiv papers, in the given order, always a new issue. Its id is
     * {@code custom-<UTC request time>-<6 random characters>}: readable, sortable by time, and unique without a
     * lookup. (A hash of the ids would make a re-sent reading list collide with the issue already made of it, whose
     * plan the publisher would then ignore.)
     *
     * @param ids   valid, without duplicates (the caller checks)
     * @param title the issue's title
     */
    public PlanOutcome planCustom(List<ArxivId> ids, String title) {
        Instant now = clock.instant();
        String issueId = "custom-" + CUSTOM_STAMP.format(now) + "-" + randomSuffix();
        IssuePlan plan = IssuePlan.custom(issueId, title, LocalDate.ofInstant(now, ZoneOffset.UTC), ids);
        if (!issues.recordIfAbsent(issueId, PlannedIssue.Kind.CUSTOM, title, plan.papers(), now)) {
            throw new IllegalStateException("issue id " + issueId + " is taken");
        }
        send(plan, now, true);
        fetch(plan);
        return new PlanOutcome(issueId, title, ids.size(), false, false);
    }

    public WeeklyList list() {
        return lists.current();
    }

    private PlanOutcome planWeek(Week week, boolean replan) {
        if (week.rows().isEmpty()) {
            throw new ListUnavailableException("the list's section \"" + week.heading() + "\" (line " + week.line()
                    + " of " + lists.url() + ") has no paper rows that could be read");
        }
        IssuePlan plan = IssuePlan.of(week, lists.url());
        Instant now = clock.instant();
        int count = plan.items().size();
        if (issues.recordIfAbsent(plan.issueId(), PlannedIssue.Kind.WEEK, plan.title(), plan.papers(), now)) {
            send(plan, now, true);
            fetch(plan);
            return new PlanOutcome(plan.issueId(), plan.title(), count, false, false);
        }
        if (!replan) {
            Optional<PlannedIssue> recorded = issues.find(plan.issueId());
            LOG.infof("issue %s was planned before; not planned again", plan.issueId());
            return recorded.map(r -> new PlanOutcome(r.issueId, r.title, r.paperCount, true, false))
                    .orElseGet(() -> new PlanOutcome(plan.issueId(), plan.title(), count, true, false));
        }
        send(plan, now, false);
        issues.replanned(plan.issueId(), plan.title(), plan.papers(), now);
        fetch(plan);
        return new PlanOutcome(plan.issueId(), plan.title(), count, false, true);
    }

    /** @param firstPlan the record was made for this plan and goes if the broker does not take it */
    private void send(IssuePlan plan, Instant now, boolean firstPlan) {
        IssuePlanned event = plan.toEvent(now);
        try {
            events.planned(event);
        } catch (RuntimeException e) {
            if (firstPlan) {
                issues.forget(plan.issueId());
            }
            throw new PlanNotSentException("could not send the plan of issue " + event.issueId()
                    + " to the broker: " + e.getMessage(), e);
        }
        LOG.infof("planned issue %s with %d papers", event.issueId(), event.papers().size());
    }

    private void fetch(IssuePlan plan) {
        fetches.fetchInBackground(IssueRun.first(plan.issueId()), plan.paperKeys());
    }

    private String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }
}

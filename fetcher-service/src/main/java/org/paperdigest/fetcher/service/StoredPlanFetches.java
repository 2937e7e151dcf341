package org.paperdigest.fetcher.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.paperdigest.events.PlannedPaper;
import org.paperdigest.fetcher.domain.IssueRun;
import org.paperdigest.fetcher.list.IssuePlan;
import org.paperdigest.fetcher.persistence.PlannedIssues;
import org.paperdigest.fetcher.source.NothingToRead;
import org.paperdigest.fetcher.source.PaperToRead;

/**
 * Where every fetch starts, an issue's first plan and a regeneration alike: an issue run and the keys of the papers
 * to fetch, each read as the plan row this service stored for the issue says. A key the stored plan lacks is not
 * dropped: its paper fails with a reason, so the publisher settles it and the editor learns why.
 */
@ApplicationScoped
public class StoredPlanFetches {

    private static final Logger LOG = Logger.getLogger(StoredPlanFetches.class);

    @Inject
    PlannedIssues issues;

    @Inject
    IssueFetcher fetcher;

    @Inject
    ManagedExecutor executor;

    /** Fetches the papers and returns once every one is settled. */
    public void fetch(IssueRun run, List<String> paperKeys) {
        List<PlannedPaper> stored = issues.papers(run.issueId());
        Map<String, PlannedPaper> byKey = new LinkedHashMap<>();
        stored.forEach(row -> byKey.putIfAbsent(row.paperKey(), row));
        List<PaperToRead<?>> papers = new LinkedHashSet<>(paperKeys).stream()
                .<PaperToRead<?>>map(key -> byKey.containsKey(key) ? IssuePlan.fromStoredRow(byKey.get(key))
                        : notPlanned(run, key, stored.isEmpty()))
                .toList();
        LOG.infof("issue %s: fetching %d papers for revision %d", run.issueId(), papers.size(), run.revision());
        fetcher.fetch(run, papers);
    }

    /** Like {@link #fetch}, on another thread, for a caller that answers at once. */
    public void fetchInBackground(IssueRun run, List<String> paperKeys) {
        executor.execute(() -> fetch(run, paperKeys));
    }

    private static PaperToRead<?> notPlanned(IssueRun run, String key, boolean noStoredPlan) {
        String reason = noStoredPlan
                ? "the fetcher has no stored plan of issue " + run.issueId() + " (planned before it kept its papers,"
                        + " or not by this fetcher), so it cannot read " + key + " again; plan the week again with"
                        + " \"replan\":true, then regenerate"
                : "the fetcher's stored plan of issue " + run.issueId() + " has no paper " + key
                        + "; a regeneration can name only papers of the issue's plan";
        LOG.warnf("issue %s: %s", run.issueId(), reason);
        return new PaperToRead<>(new PlannedPaper(1, key, key, "", List.of()), new NothingToRead(key, reason));
    }
}

package org.paperdigest.publisher.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.content.PaperContent;

/** Assembles an issue revision from its plan and what was received for each planned paper. */
public final class IssueAssembler {

    private IssueAssembler() {
    }

    public static IssueContent assemble(IssuePlanned plan, Map<String, PaperRecord> records, int revision,
            Instant publishedAt) {
        List<PaperContent> papers = IssueProgress.inPlanOrder(plan).stream()
                .map(planned -> ContentFromEvents.paper(planned, IssueProgress.record(records, planned)))
                .toList();
        return content(plan, revision, publishedAt, papers);
    }

    /**
     * The next revision after {@code previous}: the papers in {@code regenerated} from what was received for them
     * since the regeneration was asked for, every other paper exactly as {@code previous} published it.
     */
    public static IssueContent reassemble(IssueContent previous, IssuePlanned plan, Map<String, PaperRecord> records,
            Set<String> regenerated, int revision, Instant publishedAt) {
        Map<String, PaperContent> published = previous.papers().stream()
                .collect(Collectors.toMap(PaperContent::paperKey, Function.identity(), (first, second) -> first));
        List<PaperContent> papers = IssueProgress.inPlanOrder(plan).stream()
                .map(planned -> regenerated.contains(planned.paperKey()) || !published.containsKey(planned.paperKey())
                        ? ContentFromEvents.paper(planned, IssueProgress.record(records, planned))
                        : published.get(planned.paperKey()))
                .toList();
        return content(plan, revision, publishedAt, papers);
    }

    private static IssueContent content(IssuePlanned plan, int revision, Instant publishedAt,
            List<PaperContent> papers) {
        int failed = (int) papers.stream().filter(paper -> !paper.failures().isEmpty()).count();
        return new IssueContent(plan.issueId(), revision, plan.title(), plan.weekStart(), plan.weekEnd(),
                publishedAt, papers.size(), failed, papers);
    }
}

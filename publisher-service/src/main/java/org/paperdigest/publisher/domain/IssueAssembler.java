package org.paperdigest.publisher.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PlannedPaper;
import org.paperdigest.events.Stage;

/** Assembles an issue revision from its plan and what was received for each planned paper. */
public final class IssueAssembler {

    private IssueAssembler() {
    }

    public static IssueContent assemble(IssuePlanned plan, Map<String, PaperRecord> records, int revision,
            Instant publishedAt) {
        List<PaperContent> papers = IssueProgress.inPlanOrder(plan).stream()
                .map(planned -> paper(planned, IssueProgress.record(records, planned)))
                .toList();
        int failed = (int) papers.stream().filter(paper -> !paper.failures().isEmpty()).count();
        return new IssueContent(plan.issueId(), revision, plan.title(), plan.weekStart(), plan.weekEnd(),
                publishedAt, papers.size(), failed, papers);
    }

    private static PaperContent paper(PlannedPaper planned, PaperRecord record) {
        PaperFetched fetched = record.fetched();
        boolean summarized = record.summary() != null;
        boolean answered = record.answers() != null;
        return new PaperContent(
                planned.position(),
                planned.paperKey(),
                IssueProgress.titleOf(planned, record),
                planned.title(),
                planned.links() == null ? List.of() : planned.links(),
                fetched != null ? fetched.paperVersion() : null,
                fetched != null ? fetched.metadata() : null,
                fetched != null ? fetched.contentLevel() : null,
                fetched != null && fetched.notes() != null ? fetched.notes() : List.of(),
                summarized ? record.summary().abstractJa() : null,
                summarized ? record.summary().summaryJa() : null,
                summarized ? record.summary().generation() : null,
                answered ? record.answers().items() : List.of(),
                answered ? record.answers().generation() : null,
                failures(record));
    }

    private static List<StageFailure> failures(PaperRecord record) {
        List<StageFailure> failures = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            StageState state = record.stage(stage);
            if (state.status() == StageStatus.FAILED) {
                failures.add(new StageFailure(stage, state.reason()));
            }
        }
        return List.copyOf(failures);
    }
}

package org.paperdigest.publisher.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.PlannedPaper;

/** The plan's papers, in plan order, with what is known of each. */
public record IssueProgress(List<PaperProgress> papers, Progress progress, boolean started) {

    public static IssueProgress of(IssuePlanned plan, Map<String, PaperRecord> records) {
        List<PaperProgress> papers = inPlanOrder(plan).stream()
                .map(planned -> progressOf(planned, record(records, planned)))
                .toList();
        int done = (int) papers.stream().filter(PaperProgress::complete).count();
        boolean started = inPlanOrder(plan).stream().anyMatch(planned -> record(records, planned).started());
        return new IssueProgress(papers, new Progress(done, papers.size()), started);
    }

    public boolean complete() {
        return progress.complete();
    }

    public static List<PlannedPaper> inPlanOrder(IssuePlanned plan) {
        return plan.papers().stream().sorted(Comparator.comparingInt(PlannedPaper::position)).toList();
    }

    static PaperRecord record(Map<String, PaperRecord> records, PlannedPaper planned) {
        PaperRecord record = records.get(planned.paperKey());
        return record != null ? record : PaperRecord.nothingYet(planned.paperKey());
    }

    private static PaperProgress progressOf(PlannedPaper planned, PaperRecord record) {
        return new PaperProgress(planned.position(), planned.paperKey(), titleOf(planned, record),
                record.fetch(), record.summarize(), record.answer(), record.complete());
    }

    /** The metadata title, byte for byte; the weekly list's title only where metadata has none. */
    static String titleOf(PlannedPaper planned, PaperRecord record) {
        if (record.fetched() != null && record.fetched().metadata() != null) {
            String title = record.fetched().metadata().title();
            if (title != null && !title.isBlank()) {
                return title;
            }
        }
        return planned.title();
    }
}

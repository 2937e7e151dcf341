package org.paperdigest.publisher.render;

import java.util.List;
import java.util.Optional;
import org.paperdigest.publisher.domain.IssueContent;
import org.paperdigest.publisher.domain.PaperContent;

/**
 * A published issue revision as the HTML page shows it. Built from the stored {@link IssueContent}, like the
 * Markdown; the template only lays it out and escapes it.
 */
public record IssuePage(IssueContent issue, List<PaperPage> papers, List<FailureLine> failures) {

    /** A stage of a paper that failed for good, by the title the weekly list gave the paper. */
    public record FailureLine(String title, String anchor, String stage, String reason) {
    }

    public static IssuePage of(IssueContent issue) {
        List<PaperPage> papers = issue.papers().stream().map(PaperPage::new).toList();
        List<FailureLine> failures = papers.stream()
                .flatMap(page -> page.paper().failures().stream().map(failure -> new FailureLine(
                        page.paper().listTitle(), page.anchor(), IssueMarkdown.stageName(failure.stage()),
                        failure.reason())))
                .toList();
        return new IssuePage(issue, papers, failures);
    }

    public String publishedAt() {
        return Times.minute(issue.publishedAt());
    }

    /** The week's dates, where the issue is a week's (custom issues have none). */
    public Optional<String> week() {
        if (issue.weekStart() == null) {
            return Optional.empty();
        }
        return Optional.of(IssueMarkdown.date(issue.weekStart()) + "〜" + IssueMarkdown.date(issue.weekEnd()));
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The paper's own landing page, else the weekly list's Paper link, when it is an http(s) URL. */
    static Optional<String> link(PaperContent paper) {
        if (paper.fetched() && !isBlank(paper.metadata().url())) {
            return HttpUrl.of(paper.metadata().url());
        }
        return IssueMarkdown.paperLink(paper.links()).flatMap(HttpUrl::of);
    }
}

package org.paperdigest.publisher.render;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.content.PaperContent;
import org.paperdigest.publisher.domain.IssueIds;
import org.paperdigest.publisher.domain.PublishedRevision;

/**
 * A published issue revision as the HTML page shows it. Built from the stored {@link IssueContent}, like the
 * Markdown; the template only lays it out and escapes it.
 *
 * @param pinned  shown at the revision's own URL, which never changes, rather than as the issue's latest
 * @param earlier the revisions this one replaced, newest first; always empty when pinned
 */
public record IssuePage(IssueContent issue, List<PaperPage> papers, List<FailureLine> failures, boolean pinned,
        List<RevisionLink> earlier) {

    /** A stage of a paper that failed for good, by the title the weekly list gave the paper. */
    public record FailureLine(String title, String anchor, String stage, String reason) {
    }

    /** An earlier revision, linked from the latest. */
    public record RevisionLink(int revision, String publishedAt, String href) {
    }

    /** The issue's latest revision, at the issue's URL, with links to the revisions it replaced. */
    public static IssuePage latest(IssueContent issue, List<PublishedRevision> revisions) {
        List<RevisionLink> earlier = revisions.stream()
                .filter(revision -> revision.revision() < issue.revision())
                .sorted(Comparator.comparingInt(PublishedRevision::revision).reversed())
                .map(revision -> new RevisionLink(revision.revision(), Times.minute(revision.publishedAt()),
                        revisionPath(issue.issueId(), revision.revision())))
                .toList();
        return of(issue, false, earlier);
    }

    /**
     * One revision at its own URL, as it was published. It names no other revision and does not say whether it is
     * the latest, so that the page stays the same for good and may be cached as such.
     */
    public static IssuePage revision(IssueContent issue) {
        return of(issue, true, List.of());
    }

    private static IssuePage of(IssueContent issue, boolean pinned, List<RevisionLink> earlier) {
        List<PaperPage> papers = issue.papers().stream().map(PaperPage::new).toList();
        List<FailureLine> failures = papers.stream()
                .flatMap(page -> page.paper().failures().stream().map(failure -> new FailureLine(
                        page.paper().listTitle(), page.anchor(), IssueMarkdown.stageName(failure.stage()),
                        ReaderReasons.failure(failure.stage(), failure.reason()))))
                .toList();
        return new IssuePage(issue, papers, failures, pinned, earlier);
    }

    /** The issue's own page, which always shows its latest revision. */
    public String latestHref() {
        return "/issues/" + issue.issueId();
    }

    /** The Markdown of what this page shows: the same revision when pinned, else the latest. */
    public String markdownHref() {
        return pinned ? revisionPath(issue.issueId(), issue.revision()) + ".md" : latestHref() + ".md";
    }

    /** The JSON of what this page shows: the revision alone when pinned, else the issue with its progress. */
    public String jsonHref() {
        return "/api" + (pinned ? revisionPath(issue.issueId(), issue.revision()) : latestHref());
    }

    private static String revisionPath(String issueId, int revision) {
        return "/issues/" + issueId + "/revisions/" + revision;
    }

    public String publishedAt() {
        return Times.minute(issue.publishedAt());
    }

    /** The week's dates for a weekly issue; a custom issue's creation date, as it is no week of the list. */
    public String dateLine() {
        return dateLine(issue);
    }

    static String dateLine(IssueContent issue) {
        if (IssueIds.isCustom(issue.issueId()) || issue.weekStart() == null) {
            LocalDate created = issue.weekStart() != null ? issue.weekStart()
                    : LocalDate.ofInstant(issue.publishedAt(), ZoneOffset.UTC);
            return "作成日:" + IssueMarkdown.date(created);
        }
        return "対象週:" + IssueMarkdown.date(issue.weekStart()) + "〜" + IssueMarkdown.date(issue.weekEnd());
    }

    /** The intro paragraph for the issue's kind, as HTML (configured Markdown, raw HTML escaped). */
    public String introHtml() {
        return IssueIntro.html(issue);
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

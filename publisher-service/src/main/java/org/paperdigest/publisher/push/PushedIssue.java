package org.paperdigest.publisher.push;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.content.PaperContent;
import org.paperdigest.publisher.render.SummaryLine;

/**
 * What every channel gets of a published revision: its title and dates, each paper with its one-line summary, and
 * the link to the issue page.
 *
 * @param url the issue's page; the papers' own links lead to the paper (null for one that could not be fetched)
 */
public record PushedIssue(String issueId, int revision, String title, String date, List<Paper> papers,
        String url) {

    public record Paper(String title, String summary, String url) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");

    /** @param publicUrl where readers reach the publisher ({@code paperdigest.publisher.public-url}) */
    public static PushedIssue of(IssueContent issue, String publicUrl) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        List<Paper> papers = issue.papers().stream().map(PushedIssue::paper).toList();
        return new PushedIssue(issue.issueId(), issue.revision(), issue.title(), date(issue), papers,
                base + "/issues/" + issue.issueId());
    }

    private static Paper paper(PaperContent paper) {
        return new Paper(paper.title(), SummaryLine.of(paper), paper.fetched() ? paper.metadata().url() : null);
    }

    /** The week a weekly issue covers; the day it was published for a custom one. */
    private static String date(IssueContent issue) {
        if (issue.weekStart() != null) {
            return issue.weekEnd() == null ? DATE.format(issue.weekStart())
                    : DATE.format(issue.weekStart()) + "〜" + DATE.format(issue.weekEnd());
        }
        return DATE.format(LocalDate.ofInstant(issue.publishedAt(), ZoneOffset.UTC));
    }

    /** A subject line: the title, the dates, and the revision when it is not the first. */
    public String subject() {
        return title + "（" + date + "）" + (revision > 1 ? " 改訂" + revision : "");
    }
}

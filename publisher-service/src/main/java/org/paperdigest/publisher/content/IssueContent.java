package org.paperdigest.publisher.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An assembled issue revision: what readers get, frozen when it was published.
 *
 * @param paperCount  papers in the plan
 * @param failedCount papers with at least one stage that failed for good
 * @param papers      in plan order
 */
public record IssueContent(
        String issueId,
        int revision,
        String title,
        LocalDate weekStart,
        LocalDate weekEnd,
        Instant publishedAt,
        int paperCount,
        int failedCount,
        List<PaperContent> papers) {
}

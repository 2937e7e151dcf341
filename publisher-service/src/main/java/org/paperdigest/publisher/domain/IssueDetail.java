package org.paperdigest.publisher.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.paperdigest.publisher.content.IssueContent;

/**
 * One issue as it stands: its progress paper by paper and, once published, the content of its revision.
 *
 * @param papers   the plan's papers in plan order with the state of each stage
 * @param revision null until published
 * @param content    null until published
 * @param deliveries the published revision's pushes to the configured channels; empty until published
 */
public record IssueDetail(
        String issueId,
        String title,
        LocalDate weekStart,
        LocalDate weekEnd,
        IssueStatus status,
        Progress progress,
        Integer revision,
        Instant publishedAt,
        List<PaperProgress> papers,
        IssueContent content,
        List<PushDelivery> deliveries) {
}

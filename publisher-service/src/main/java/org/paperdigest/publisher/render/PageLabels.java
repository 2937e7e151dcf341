package org.paperdigest.publisher.render;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;
import java.util.Locale;
import java.util.stream.Collectors;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.content.PaperContent;
import org.paperdigest.publisher.domain.IssueDetail;
import org.paperdigest.publisher.domain.IssueStatus;
import org.paperdigest.publisher.domain.StageState;

/**
 * What the pages call states, for their templates; and the types that templates included by others read, which
 * are not type-checked and so need their value resolvers named here.
 */
@TemplateExtension
@TemplateData(target = IssuePage.class)
@TemplateData(target = IssuePage.FailureLine.class)
@TemplateData(target = IssuePage.RevisionLink.class)
@TemplateData(target = PaperPage.class)
@TemplateData(target = PaperPage.QaItem.class)
@TemplateData(target = PaperPage.Quote.class)
@TemplateData(target = GenerationInfo.class)
@TemplateData(target = GenerationInfo.Provenance.class)
@TemplateData(target = PaperLinks.Item.class)
@TemplateData(target = IssueContent.class)
@TemplateData(target = PaperContent.class)
@TemplateData(target = StageState.class)
public final class PageLabels {

    private PageLabels() {
    }

    static String label(StageState state) {
        return switch (state.status()) {
            case PENDING -> "待機中";
            case DONE -> "完了";
            case FAILED -> "失敗";
            case SKIPPED -> "対象外";
        };
    }

    static String cssClass(StageState state) {
        return "stage-" + state.status().name().toLowerCase(Locale.ROOT);
    }

    static String label(IssueStatus status) {
        return switch (status) {
            case AWAITING_PLAN, PLANNED -> "計画済み";
            case IN_PROGRESS -> "作成中";
            case COMPLETE -> "公開準備中";
            case PUBLISHED -> "公開済み";
            case REGENERATING -> "再生成中";
        };
    }

    /**
     * The issue's status and each paper's stages in one word (first letter of each status), which progress.js
     * computes the same way from {@code GET /api/issues/{id}} to see that something moved.
     */
    static String stateKey(IssueDetail issue) {
        return issue.status().name() + ":" + issue.papers().stream()
                .map(paper -> initial(paper.fetch()) + initial(paper.summarize()) + initial(paper.answer()))
                .collect(Collectors.joining(","));
    }

    private static String initial(StageState state) {
        return state.status().name().substring(0, 1);
    }
}

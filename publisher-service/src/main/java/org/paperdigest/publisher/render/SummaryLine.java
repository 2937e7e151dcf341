package org.paperdigest.publisher.render;

import org.paperdigest.publisher.content.PaperContent;

/** A paper's one-line Japanese summary as plain text, or why it has none; each format escapes it its own way. */
public final class SummaryLine {

    private SummaryLine() {
    }

    public static String of(PaperContent paper) {
        if (!paper.fetched()) {
            return "（論文を取得できませんでした）";
        }
        if (paper.summaryJa() == null || paper.summaryJa().isBlank()) {
            return "（一行要約はありません: 要約を生成できませんでした）";
        }
        return paper.summaryJa();
    }
}

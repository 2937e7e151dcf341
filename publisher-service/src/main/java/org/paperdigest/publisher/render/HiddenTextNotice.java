package org.paperdigest.publisher.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.paperdigest.publisher.content.FlaggedPassage;
import org.paperdigest.publisher.content.PaperContent;

/**
 * What a reader is told about a paper's text that addresses AI tools or that readers cannot see: a heading and each
 * passage as written, with where it stands. Hidden passages are shown when they read as instructions or run to a
 * sentence (a word or two hidden in a figure says nothing); visible ones only when they read as instructions.
 *
 * @param heading  the notice's sentence
 * @param passages each passage's text and where it stands (p. 3, a section, 概要)
 */
public record HiddenTextNotice(String heading, List<Passage> passages) {

    static final String HIDDEN_INSTRUCTIONS = "この論文には、読者には見えない形でAIへの指示が埋め込まれています";
    static final String HIDDEN_TEXT = "この論文には、読者には見えない形で文章が埋め込まれています";
    static final String VISIBLE_INSTRUCTIONS = "この論文の本文には、AIに向けた指示と読める文が含まれています";
    private static final String KEPT_OUT = "（要約と回答の生成には使っていません）";
    private static final int SENTENCE_WORDS = 4;

    public record Passage(String text, String where) {
    }

    /** The notices of a paper: for hidden text, then for visible instructions; none for a paper with neither. */
    public static List<HiddenTextNotice> of(PaperContent paper) {
        List<FlaggedPassage> hidden = shown(paper, p -> p.hidden()
                && (p.instruction() || p.text().strip().split("\\s+").length >= SENTENCE_WORDS));
        List<FlaggedPassage> visible = shown(paper, p -> !p.hidden() && p.instruction());
        List<HiddenTextNotice> notices = new ArrayList<>();
        if (!hidden.isEmpty()) {
            boolean instructions = hidden.stream().anyMatch(FlaggedPassage::instruction);
            notices.add(new HiddenTextNotice((instructions ? HIDDEN_INSTRUCTIONS : HIDDEN_TEXT) + KEPT_OUT,
                    passages(hidden)));
        }
        if (!visible.isEmpty()) {
            notices.add(new HiddenTextNotice(VISIBLE_INSTRUCTIONS, passages(visible)));
        }
        return notices;
    }

    /** The notice as a Markdown block: its heading in bold, then each passage quoted, escaped, with where it is. */
    public String markdown() {
        return "**※ " + MarkdownText.inline(heading) + "**\n\n" + passages.stream()
                .map(p -> "- “" + MarkdownText.inline(p.text()) + "”（" + MarkdownText.inline(p.where()) + "）")
                .collect(Collectors.joining("\n"));
    }

    private static List<FlaggedPassage> shown(PaperContent paper, Predicate<FlaggedPassage> shown) {
        return paper.flaggedPassages().stream().filter(shown).toList();
    }

    private static List<Passage> passages(List<FlaggedPassage> flagged) {
        return flagged.stream().map(p -> new Passage(p.text(), where(p))).toList();
    }

    private static String where(FlaggedPassage passage) {
        if (passage.page() != null) {
            return "p. " + passage.page();
        }
        if ("Abstract".equals(passage.section())) {
            return "概要";
        }
        return passage.section() != null ? passage.section() : "ページ不明";
    }
}

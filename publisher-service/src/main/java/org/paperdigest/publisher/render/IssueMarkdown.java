package org.paperdigest.publisher.render;

import static org.paperdigest.publisher.render.MarkdownText.inline;
import static org.paperdigest.publisher.render.MarkdownText.paragraphs;
import static org.paperdigest.publisher.render.MarkdownText.url;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.paperdigest.publisher.content.Category;
import org.paperdigest.publisher.content.ContentLevel;
import org.paperdigest.publisher.content.Evidence;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.content.Link;
import org.paperdigest.publisher.content.PaperContent;
import org.paperdigest.publisher.content.PaperMetadata;
import org.paperdigest.publisher.content.QuestionAnswer;
import org.paperdigest.publisher.content.Stage;

/**
 * Renders a published issue as CommonMark in the layout of the digest: introduction, the list of papers with
 * their one-line summaries, one section per paper in plan order, and what failed with its reason. Every piece
 * of text that came from outside goes through {@link MarkdownText}.
 */
public final class IssueMarkdown {

    static final String NOT_STATED = "論文中に記載がありません";
    static final String NOT_IN_ABSTRACT = "概要には記載がありません";
    static final String ABSTRACT_ONLY_NOTE = "※ 全文を取得できなかったため、このQ&Aは概要のみに基づいています。";
    static final String UNKNOWN = "不明";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年MM月dd日");
    /** A backslash at the end of a line is CommonMark's hard line break, which no editor strips. */
    private static final String BREAK = "\\\n";

    private final StringBuilder out = new StringBuilder(16_384);

    private IssueMarkdown() {
    }

    public static String render(IssueContent issue) {
        return new IssueMarkdown().issue(issue).out.append('\n').toString();
    }

    private IssueMarkdown issue(IssueContent issue) {
        block("# " + inline(issue.title()));
        block(IssuePage.dateLine(issue));
        block(IssueIntro.forMarkdown(issue));
        block("紹介する論文は以下の" + issue.papers().size() + "本となります。");
        block(issue.papers().stream().map(this::listItem).collect(Collectors.joining("\n")));
        issue.papers().forEach(this::paper);
        failures(issue.papers());
        return this;
    }

    private String listItem(PaperContent paper) {
        return "- " + inline(paper.title()) + BREAK
                + "  発行日:" + date(paper.fetched() ? paper.metadata().published() : null) + BREAK
                + "  " + inline(SummaryLine.of(paper))
                + paper.keyResultsJa().stream().map(line -> "\n  - " + inline(line)).collect(Collectors.joining());
    }

    private void paper(PaperContent paper) {
        block("## " + inline(paper.title()));
        if (!paper.fetched()) {
            notFetched(paper);
            return;
        }
        keyResults(paper);
        metadata(paper.metadata());
        links(paper);
        if (paper.contentLevel() == ContentLevel.ABSTRACT_ONLY) {
            block(ABSTRACT_ONLY_NOTE);
        }
        HiddenTextNotice.of(paper).forEach(notice -> block(notice.markdown()));
        abstractSection(paper);
        qaSection(paper);
        generationFootnote(paper);
    }

    private void keyResults(PaperContent paper) {
        if (!paper.keyResultsJa().isEmpty()) {
            block("**主な結果**");
            block(paper.keyResultsJa().stream().map(line -> "- " + inline(line)).collect(Collectors.joining("\n")));
        }
    }

    /** The paper's pages, then each link of its text with the sentence it stands in. */
    private void links(PaperContent paper) {
        List<PaperLinks.Item> items = PaperLinks.of(paper);
        if (items.isEmpty()) {
            return;
        }
        block("### リンク");
        block(items.stream().map(item -> "- " + item.label() + ":" + url(item.href())
                + (item.sentence().isEmpty() ? "" : BREAK + "  「" + inline(item.sentence()) + "」"
                        + (item.where().isEmpty() ? "" : " " + inline(item.where()))))
                .collect(Collectors.joining("\n")));
    }

    private void notFetched(PaperContent paper) {
        StringBuilder text = new StringBuilder("※ この論文は取得できなかったため、内容を掲載できません。")
                .append(BREAK).append("理由:").append(inline(reason(paper, Stage.FETCH)));
        paperLink(paper.links()).ifPresent(link -> text.append(BREAK).append("URL:").append(url(link)));
        block(text.toString());
    }

    private void metadata(PaperMetadata metadata) {
        block("著者:" + orUnknown(joined(metadata.authors())) + BREAK
                + "発行日:" + date(metadata.published()) + BREAK
                + "最終更新日:" + date(metadata.updated()) + BREAK
                + "URL:" + (isBlank(metadata.url()) ? UNKNOWN : url(metadata.url())) + BREAK
                + "カテゴリ:" + orUnknown(categories(metadata.categories())));
    }

    private void abstractSection(PaperContent paper) {
        block("### 概要");
        if (paper.abstractJa() != null && !paper.abstractJa().isBlank()) {
            paragraphs(paper.abstractJa()).forEach(this::block);
            return;
        }
        block("※ 日本語訳を生成できなかったため、原文（英語）の概要を掲載しています。理由:"
                + inline(reason(paper, Stage.SUMMARIZE)));
        List<String> original = paragraphs(paper.metadata().abstractText());
        if (original.isEmpty()) {
            block("（概要がありません）");
        }
        original.forEach(this::block);
    }

    private void qaSection(PaperContent paper) {
        block("### Q&A");
        if (paper.qa().isEmpty()) {
            block("※ Q&Aを生成できませんでした。理由:" + inline(reason(paper, Stage.ANSWER)));
            return;
        }
        int number = 1;
        for (QuestionAnswer qa : paper.qa()) {
            block("**Q" + number++ + ":** " + inline(qa.question()));
            block("**A:** " + (qa.answerable() ? inline(qa.answer()) : notStated(paper.contentLevel())));
            List<String> gaps = gaps(qa, paper.contentLevel());
            if (!gaps.isEmpty()) {
                block(gaps.stream().map(MarkdownText::inline).collect(Collectors.joining(BREAK)));
            }
            if (qa.answerable() && qa.evidence() != null && !qa.evidence().isEmpty()) {
                block(qa.evidence().stream()
                        .map(evidence -> "> \"" + inline(evidence.quote()) + "\" "
                                + inline(where(evidence, paper.contentLevel())))
                        .collect(Collectors.joining("\n>\n")));
            }
        }
    }

    /** The generation details in one compact line at the foot of the section; the JSON has them in full. */
    private void generationFootnote(PaperContent paper) {
        GenerationInfo info = GenerationInfo.of(paper);
        if (!info.isEmpty()) {
            block("※ 生成情報:" + inline(info.compact()));
        }
    }

    /** Every stage that failed for good, by the title the weekly list gave the paper. */
    private void failures(List<PaperContent> papers) {
        List<String> lines = papers.stream()
                .flatMap(paper -> paper.failures().stream().map(failure -> "- " + inline(paper.listTitle())
                        + "（" + stageName(failure.stage()) + "）:"
                        + inline(ReaderReasons.failure(failure.stage(), failure.reason()))))
                .toList();
        if (lines.isEmpty()) {
            return;
        }
        block("## 処理できなかった論文");
        block(String.join("\n", lines));
    }

    /** What an answer says when its source states nothing of what was asked: the paper, or only its abstract. */
    static String notStated(ContentLevel level) {
        return level == ContentLevel.ABSTRACT_ONLY ? NOT_IN_ABSTRACT : NOT_STATED;
    }

    /** One note per part of the question the source does not state: 「※ …は論文中に記載がありません」. */
    static List<String> gaps(QuestionAnswer qa, ContentLevel level) {
        if (!qa.answerable()) {
            return List.of();
        }
        return qa.notStated().stream().map(part -> "※ " + part + "は" + notStated(level)).toList();
    }

    /**
     * Page and section as plain text (the Markdown escapes it, the HTML page shows it); a quote without a page is
     * from the abstract, or from a full text that has no pages.
     */
    static String where(Evidence evidence, ContentLevel level) {
        String section = isBlank(evidence.section()) ? "" : evidence.section().strip();
        if (evidence.page() != null) {
            return "(p. " + evidence.page() + (section.isEmpty() ? "" : ", " + section) + ")";
        }
        if (level == ContentLevel.ABSTRACT_ONLY) {
            return "(概要" + (section.isEmpty() ? "" : ", " + section) + ")";
        }
        return "(" + (section.isEmpty() ? "本文" : section) + ")";
    }

    /** Why a stage failed, as a reader is told it (the operator's English reason is in the JSON). */
    static String reason(PaperContent paper, Stage stage) {
        return paper.failure(stage).map(failure -> ReaderReasons.failure(stage, failure.reason())).orElse(UNKNOWN);
    }

    static String stageName(Stage stage) {
        return switch (stage) {
            case FETCH -> "論文の取得 FETCH";
            case SUMMARIZE -> "概要の翻訳・要約 SUMMARIZE";
            case ANSWER -> "Q&Aの生成 ANSWER";
        };
    }

    static String date(LocalDate date) {
        return date == null ? UNKNOWN : DATE.format(date);
    }

    static Optional<String> paperLink(List<Link> links) {
        return links.stream()
                .filter(link -> "Paper".equalsIgnoreCase(link.label()))
                .map(Link::url)
                .findFirst()
                .or(() -> links.stream().map(Link::url).findFirst());
    }

    private static String joined(List<String> values) {
        if (values == null) {
            return "";
        }
        return values.stream().filter(Objects::nonNull).map(MarkdownText::inline)
                .filter(value -> !value.isEmpty())
                .collect(Collectors.joining(", "));
    }

    private static String categories(List<Category> categories) {
        if (categories == null) {
            return "";
        }
        return joined(categories.stream()
                .map(category -> isBlank(category.name()) ? category.code() : category.name())
                .toList());
    }

    private static String orUnknown(String value) {
        return value.isEmpty() ? UNKNOWN : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Blocks are separated by one blank line. */
    private void block(String markdown) {
        if (!out.isEmpty()) {
            out.append("\n\n");
        }
        out.append(markdown);
    }
}

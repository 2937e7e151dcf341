package org.paperdigest.publisher.render;

import static org.paperdigest.publisher.render.MarkdownText.inline;
import static org.paperdigest.publisher.render.MarkdownText.paragraphs;
import static org.paperdigest.publisher.render.MarkdownText.url;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.paperdigest.publisher.content.Category;
import org.paperdigest.publisher.content.ContentLevel;
import org.paperdigest.publisher.content.Evidence;
import org.paperdigest.publisher.content.Generation;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.content.Link;
import org.paperdigest.publisher.content.PaperContent;
import org.paperdigest.publisher.content.PaperMetadata;
import org.paperdigest.publisher.content.QuestionAnswer;
import org.paperdigest.publisher.content.Stage;
import org.paperdigest.publisher.content.StageFailure;
import org.paperdigest.publisher.content.TokenUsage;

/**
 * Renders a published issue as CommonMark in the layout of the digest: introduction, the list of papers with
 * their one-line summaries, one section per paper in plan order, and what failed with its reason. Every piece
 * of text that came from outside goes through {@link MarkdownText}.
 */
public final class IssueMarkdown {

    static final String INTRO = "ここでは、<https://twitter.com/dair_ai> で毎週メンションされているTop ML Papers of the Week"
            + " の論文をLLMによって生成されるQ&Aを用いて要点を記載しています。気になる論文の選択に役立ったら良いと思います。"
            + "論文を読む前に幾つかの要点を把握することで、皆さんが内容を素早く吸収できることを目的としています。"
            + "自動生成記事のクオリティと信頼性を向上させるためにアルゴリズムの改善に取り組んでいます。"
            + "個人で資料のQ&Aを作成されたい方には、<https://www.chatpdf.com/> や <https://scispace.com/> などがお勧めです。";
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
        block(INTRO);
        block("紹介する論文は以下の" + issue.papers().size() + "本となります。");
        block(issue.papers().stream().map(this::listItem).collect(Collectors.joining("\n")));
        issue.papers().forEach(this::paper);
        failures(issue.papers());
        return this;
    }

    private String listItem(PaperContent paper) {
        return "- " + inline(paper.title()) + BREAK
                + "  発行日:" + date(paper.fetched() ? paper.metadata().published() : null) + BREAK
                + "  " + inline(SummaryLine.of(paper));
    }

    private void paper(PaperContent paper) {
        block("## " + inline(paper.title()));
        if (!paper.fetched()) {
            notFetched(paper);
            return;
        }
        metadata(paper.metadata());
        if (paper.contentLevel() == ContentLevel.ABSTRACT_ONLY) {
            block(ABSTRACT_ONLY_NOTE);
        }
        if (!paper.notes().isEmpty()) {
            block("抽出に関する注記:\n\n" + paper.notes().stream()
                    .map(note -> "- " + inline(note))
                    .collect(Collectors.joining("\n")));
        }
        HiddenTextNotice.of(paper).forEach(notice -> block(notice.markdown()));
        abstractSection(paper);
        qaSection(paper);
        checks(paper);
    }

    private void notFetched(PaperContent paper) {
        String reason = paper.failure(Stage.FETCH).map(StageFailure::reason).orElse(UNKNOWN);
        StringBuilder text = new StringBuilder("※ この論文は取得できなかったため、内容を掲載できません。")
                .append(BREAK).append("理由:").append(inline(reason));
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
        String reason = paper.failure(Stage.SUMMARIZE).map(StageFailure::reason).orElse(UNKNOWN);
        block("※ 日本語訳を生成できなかったため、原文（英語）の概要を掲載しています。理由:" + inline(reason));
        List<String> original = paragraphs(paper.metadata().abstractText());
        if (original.isEmpty()) {
            block("（概要がありません）");
        }
        original.forEach(this::block);
    }

    private void qaSection(PaperContent paper) {
        block("### Q&A");
        if (paper.qa().isEmpty()) {
            String reason = paper.failure(Stage.ANSWER).map(StageFailure::reason).orElse(UNKNOWN);
            block("※ Q&Aを生成できませんでした。理由:" + inline(reason));
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

    /** A short form of the checks' reports: how each text was proven, what was left out, what it cost. */
    private void checks(PaperContent paper) {
        List<String> parts = new ArrayList<>();
        Optional.ofNullable(paper.summaryGeneration()).map(Generation::quality).ifPresent(q -> parts.add(
                "概要 保護箇所" + q.spansVerified() + "件一致・再依頼" + q.reasked() + "回"));
        Optional.ofNullable(paper.qaGeneration()).map(Generation::quality).ifPresent(q -> parts.add(
                "Q&A 質問" + q.generated() + "件中" + paper.qa().size() + "件掲載・除外" + q.dropped() + "件・再依頼"
                        + q.reasked() + "回・引用" + q.quotesVerified() + "件照合"));
        List<Generation> generations = Stream.of(paper.summaryGeneration(), paper.qaGeneration())
                .filter(Objects::nonNull).toList();
        if (generations.isEmpty()) {
            return;
        }
        List<TokenUsage> usages = generations.stream().map(Generation::usage).toList();
        parts.add("トークン 入力" + usages.stream().mapToInt(TokenUsage::inputTokens).sum()
                + "・出力" + usages.stream().mapToInt(TokenUsage::outputTokens).sum());
        parts.add("モデル " + generations.stream().map(g -> inline(g.model())).distinct()
                .collect(Collectors.joining(", "))
                + "（プロンプト " + generations.stream().map(g -> inline(g.promptVersion()))
                        .collect(Collectors.joining(", ")) + "）");
        block("検証:" + String.join(" / ", parts));
    }

    /** Every stage that failed for good, by the title the weekly list gave the paper. */
    private void failures(List<PaperContent> papers) {
        List<String> lines = papers.stream()
                .flatMap(paper -> paper.failures().stream().map(failure -> "- " + inline(paper.listTitle())
                        + "（" + stageName(failure.stage()) + "）:" + inline(failure.reason())))
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

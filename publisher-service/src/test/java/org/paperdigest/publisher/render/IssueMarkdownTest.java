package org.paperdigest.publisher.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperdigest.publisher.TestEvents.ANSWER_REASON;
import static org.paperdigest.publisher.TestEvents.FETCH_REASON;
import static org.paperdigest.publisher.TestEvents.PASS;
import static org.paperdigest.publisher.TestEvents.SUMMARIZE_REASON;
import static org.paperdigest.publisher.render.MarkdownTree.all;
import static org.paperdigest.publisher.render.MarkdownTree.text;
import static org.paperdigest.publisher.render.MarkdownTree.texts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperMetadata;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.events.ResourceLink;
import org.paperdigest.publisher.TestEvents;
import org.paperdigest.publisher.content.ContentLevel;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.content.QuestionAnswer;
import org.paperdigest.publisher.content.Stage;
import org.paperdigest.publisher.domain.IssueAssembler;
import org.paperdigest.publisher.domain.PaperRecord;

/**
 * The Markdown of an issue built from the golden samples and the copied paper fixtures: four papers, one
 * complete (GPQA), one whose fetch failed (Mirasol3B), one read from its abstract only whose summary failed
 * (PaSS), one whose Q&A failed (MedAgents). Every check reads the CommonMark tree, as a reader would.
 */
class IssueMarkdownTest {

    private static final String ISSUE = "custom-unit-markdown";
    private static final Instant PUBLISHED_AT = Instant.parse("2023-11-27T09:12:00Z");
    private static final String GPQA_TITLE = "GPQA: A Graduate-Level Google-Proof Q&A Benchmark";
    private static final String PASS_TITLE = "PaSS: Parallel Speculative Sampling";
    private static final String MEDAGENTS_TITLE =
            "MedAgents: Large Language Models as Collaborators for Zero-shot Medical Reasoning";

    private final IssueContent issue = TestEvents.fourPaperIssue(ISSUE, PUBLISHED_AT);
    private final String markdown = IssueMarkdown.render(issue);
    private final MarkdownTree tree = MarkdownTree.parse(markdown);

    @Test
    void fillsTheRealPaperCountAndNoPlaceholder() {
        List<String> paragraphs = texts(all(tree.document(), Paragraph.class));
        assertThat(paragraphs, hasItem("紹介する論文は以下の4本となります。"));
        assertFalse(markdown.contains("[number]"), markdown);
    }

    @Test
    void aWeeklyIssueNamesItsWeekAndTheListItComesFrom() {
        IssueContent weekly = new IssueContent("2023-11-20", 1, issue.title(), issue.weekStart(), issue.weekEnd(),
                PUBLISHED_AT, issue.paperCount(), issue.failedCount(), issue.papers());
        List<String> paragraphs = texts(all(MarkdownTree.parse(IssueMarkdown.render(weekly)).document(),
                Paragraph.class));
        assertEquals("対象週:2023年11月20日〜2023年11月26日", paragraphs.get(0));
        assertThat(paragraphs.get(1), containsString("Top ML Papers of the Week"));
        assertThat(paragraphs.get(1), containsString("Q&A"));
    }

    @Test
    void aCustomIssueShowsItsCreationDateAndClaimsNoWeekNorTheWeeklyList() {
        List<String> paragraphs = texts(all(tree.document(), Paragraph.class));
        assertEquals("作成日:" + IssueMarkdown.date(issue.weekStart()), paragraphs.get(0));
        assertEquals(IssueIntro.DEFAULT_CUSTOM, paragraphs.get(1));
        assertFalse(markdown.contains("対象週") || markdown.contains("〜"), markdown);
        assertFalse(paragraphs.get(1).contains("Top ML Papers of the Week") || paragraphs.get(1).contains("dair"));
    }

    @Test
    void listsEveryPaperInPlanOrderWithDateAndOneLineSummary() {
        BulletList list = (BulletList) tree.topLevelBlocks().stream()
                .filter(BulletList.class::isInstance).findFirst().orElseThrow();
        List<String> items = new java.util.ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            items.add(text(item.getFirstChild()));
        }
        assertEquals(List.of(
                "Mirasol3B\n発行日:不明\n（論文を取得できませんでした）",
                PASS_TITLE + "\n発行日:2023年11月22日\n（一行要約はありません: 要約を生成できませんでした）",
                GPQA_TITLE + "\n発行日:2023年11月20日\n" + TestEvents.gpqaSummarized(ISSUE).summaryJa(),
                MEDAGENTS_TITLE + "\n発行日:2023年11月16日\n" + TestEvents.MEDAGENTS_SUMMARY_JA), items);
    }

    @Test
    void keyResultsStandUnderTheSummaryInTheListAndUnderTheTitleInTheSection() {
        List<String> keyResults = TestEvents.gpqaSummarized(ISSUE).keyResultsJa();
        assertEquals(3, keyResults.size());
        BulletList list = (BulletList) tree.topLevelBlocks().stream()
                .filter(BulletList.class::isInstance).findFirst().orElseThrow();
        ListItem gpqa = (ListItem) list.getFirstChild().getNext().getNext();
        assertEquals(keyResults, texts(all(gpqa.getLastChild(), ListItem.class)));

        List<Node> section = tree.sections().get(GPQA_TITLE);
        assertEquals("主な結果", text(section.get(0)));
        assertEquals(keyResults, texts(all(section.get(1), ListItem.class)));
        assertTrue(text(section.get(2)).startsWith("著者:"), "the metadata follows the key results");
        assertFalse(texts(tree.sections().get(PASS_TITLE)).contains("主な結果"), "no heading without key results");
    }

    @Test
    void linksBlockHasThePapersPagesAndEachLinkOfItsTextWithItsSentence() {
        List<Node> section = tree.sections().get(GPQA_TITLE);
        int heading = texts(section).indexOf("リンク");
        BulletList links = (BulletList) section.get(heading + 1);
        PaperMetadata gpqa = TestEvents.gpqaFetched(ISSUE).metadata();
        assertEquals(List.of("論文ページ:" + gpqa.url(), "PDF:" + gpqa.pdfUrl(),
                "コード:https://github.com/idavidrein/gpqa\n「We release the dataset at https://github.com/idavidrein/gpqa.」 (p. 1)"),
                texts(all(links, ListItem.class)));
        assertEquals(List.of(gpqa.url(), gpqa.pdfUrl(), "https://github.com/idavidrein/gpqa"),
                all(links, Link.class).stream().map(Link::getDestination).toList());
    }

    @Test
    void mathStaysAsWrittenForRenderersThatTypesetIt() {
        assertThat(markdown, containsString("$30\\%$"));
        assertThat(markdown, containsString("$O(d_{emb})$"));
        assertEquals("a $x<y$ and $[a](http://evil.example)$", MarkdownTree.text(MarkdownTree.parse(
                MarkdownText.inline("a $x<y$ and $[a](http://evil.example)$")).document()));
        assertEquals("a $x\\<y$", MarkdownText.inline("a $x<y$"), "math that could make markup is escaped");
    }

    @Test
    void sectionsFollowPlanOrderWithMetadataTitlesByteForByte() {
        assertEquals(List.of("Mirasol3B", PASS_TITLE, GPQA_TITLE, MEDAGENTS_TITLE, "処理できなかった論文"),
                List.copyOf(tree.sections().keySet()));
        Heading top = all(tree.document(), Heading.class).get(0);
        assertEquals(1, top.getLevel());
        assertEquals(issue.title(), text(top));
    }

    @Test
    void showsMetadataWithUrlByteForByte() {
        PaperMetadata gpqa = TestEvents.gpqaFetched(ISSUE).metadata();
        List<Node> section = tree.sections().get(GPQA_TITLE).stream()
                .filter(block -> text(block).startsWith("著者:")).toList();
        assertEquals("著者:" + String.join(", ", gpqa.authors()) + "\n"
                + "発行日:2023年11月20日\n"
                + "最終更新日:2023年11月20日\n"
                + "URL:" + gpqa.url() + "\n"
                + "カテゴリ:Artificial Intelligence, Computation and Language", text(section.get(0)));
        List<String> destinations = all(section.get(0), Link.class).stream().map(Link::getDestination).toList();
        assertEquals(List.of(gpqa.url()), destinations);
        assertThat(markdown, containsString("URL:<" + gpqa.url() + ">"));
    }

    @Test
    void evidenceQuotesCarryTheirPageAndNotStatedAnswersSayTheyAreNotStated() {
        List<Node> section = tree.sections().get(GPQA_TITLE);
        List<String> paragraphs = texts(section.stream().filter(Paragraph.class::isInstance).toList());
        var golden = TestEvents.gpqaAnswered(ISSUE).items();
        assertThat(paragraphs, hasItem("Q1: " + golden.get(0).question()));
        assertThat(paragraphs, hasItem("A: " + golden.get(0).answer()));
        assertThat(paragraphs, hasItem("Q2: " + golden.get(1).question()));
        assertThat(paragraphs, hasItem("A: 論文中に記載がありません"));
        // The first answer names what the paper does not state; the second, unanswerable, says so itself.
        assertThat(paragraphs, hasItem("※ " + golden.get(0).notStated().get(0) + "は論文中に記載がありません"));
        assertThat(paragraphs, not(hasItem("※ " + golden.get(1).notStated().get(0) + "は論文中に記載がありません")));
        List<String> quotes = texts(section.stream().filter(BlockQuote.class::isInstance).toList());
        assertEquals(List.of("\"" + golden.get(0).evidence().get(0).quote() + "\" (p. 1)"), quotes);
        assertThat(texts(section.stream().filter(Heading.class::isInstance).toList()), contains("リンク", "概要", "Q&A"));
        assertThat(paragraphs, hasItem(TestEvents.gpqaSummarized(ISSUE).abstractJa()));
    }

    @Test
    void eachPaperShowsTheShortFormOfItsQualityReports() {
        List<String> paragraphs = texts(tree.sections().get(GPQA_TITLE).stream()
                .filter(Paragraph.class::isInstance).toList());
        // The golden reports: translation with 4 spans verified first time; 4 questions, 2 dropped, 1 re-ask.
        assertThat(paragraphs, hasItem("※ 生成情報:概要・要約・主な結果 保護箇所4件一致・再依頼0回・主な結果3件掲載・除外0件"
                + " / Q&A 質問4件中2件掲載・除外2件・再依頼1回・引用1件照合"
                + " / トークン 入力32052・出力812 / モデル gpt-4o-mini（プロンプト summary-v2, qa-v2）"));
    }

    @Test
    void extractionNotesAreInJapaneseInTheFootnoteAndNoDiagnosticsStandOutsideIt() {
        String footnote = texts(tree.sections().get(PASS_TITLE)).stream().filter(t -> t.startsWith("※ 生成情報:"))
                .findFirst().orElseThrow();
        assertThat(footnote, containsString("注記 PDFをダウンロードできなかったため（HTTP 503）、概要のみに基づいています"));
        for (String english : List.of("could not be downloaded", FETCH_REASON, SUMMARIZE_REASON, ANSWER_REASON)) {
            assertFalse(markdown.contains(english), english);
        }
        for (List<Node> blocks : tree.sections().values()) {
            for (String block : texts(blocks)) {
                assertTrue(block.startsWith("※ 生成情報:") || !block.matches("(?s).*(トークン|モデル |プロンプト).*"), block);
            }
        }
    }

    @Test
    void evidenceFromTheAbstractSaysSoInsteadOfAPage() {
        List<String> quotes = texts(tree.sections().get(PASS_TITLE).stream().filter(BlockQuote.class::isInstance).toList());
        assertEquals(List.of("\"requiring only as few as $O(d_{emb})$ additional parameters\" (概要)"), quotes);
    }

    @Test
    void abstractOnlyPaperSaysSo() {
        assertThat(texts(tree.sections().get(PASS_TITLE)), hasItem(IssueMarkdown.ABSTRACT_ONLY_NOTE));
        assertThat(texts(tree.sections().get(GPQA_TITLE)), not(hasItem(IssueMarkdown.ABSTRACT_ONLY_NOTE)));
    }

    @Test
    void failedSummaryFallsBackToTheOriginalEnglishAbstractWithTheReason() {
        List<String> blocks = texts(tree.sections().get(PASS_TITLE));
        String englishAbstract = TestEvents.passAbstractOnly(ISSUE).metadata().abstractText();
        // Byte for byte in the source, math included, as renderers that typeset math read it.
        assertThat(markdown, containsString("\n\n" + englishAbstract + "\n\n"));
        assertThat(blocks, hasItem("※ 日本語訳を生成できなかったため、原文（英語）の概要を掲載しています。理由:"
                + ReaderReasons.failure(Stage.SUMMARIZE, SUMMARIZE_REASON)));
        assertThat(englishAbstract, containsString("$30\\%$"));
    }

    @Test
    void failedQaSaysWhy() {
        List<String> blocks = texts(tree.sections().get(MEDAGENTS_TITLE));
        assertThat(blocks, hasItem("※ Q&Aを生成できませんでした。理由:"
                + "Q&Aを生成できませんでした（生成サーバーの応答を読み取れませんでした）。詳細はJSONを参照してください"));
        assertThat(blocks, hasItem(TestEvents.MEDAGENTS_ABSTRACT_JA));
    }

    @Test
    void unfetchedPaperIsShownInPlaceWithItsListTitleReasonAndLink() {
        List<Node> section = tree.sections().get("Mirasol3B");
        assertEquals(1, section.size());
        assertEquals("※ この論文は取得できなかったため、内容を掲載できません。\n理由:"
                + "論文を取得できませんでした（arXivにこの論文が見つかりませんでした）。詳細はJSONを参照してください"
                + "\nURL:https://arxiv.org/abs/2311.05698", text(section.get(0)));
    }

    @Test
    void failuresAreListedAtTheEndWithListTitleStageAndReason() {
        List<Node> section = tree.sections().get("処理できなかった論文");
        assertEquals(List.of(
                "Mirasol3B（論文の取得 FETCH）:" + ReaderReasons.failure(Stage.FETCH, FETCH_REASON),
                "Parallel Speculative Sampling（概要の翻訳・要約 SUMMARIZE）:"
                        + ReaderReasons.failure(Stage.SUMMARIZE, SUMMARIZE_REASON),
                "LLMs as Collaborators for Medical Reasoning (MedAgents)（Q&Aの生成 ANSWER）:"
                        + ReaderReasons.failure(Stage.ANSWER, ANSWER_REASON)),
                texts(all(section.get(0), ListItem.class)));
    }

    @Test
    void untrustedTextCannotBreakTheLayout() {
        String title = "A *bold* claim: [x](http://evil.example) <b>T\\\"ULU</b> & &amp; _under_ `code` #1 ~~no~~ | #";
        String abstractJa = "一行目\n# 見出しではない\n- リストではない\n\n2023. 年の話\n===\n> 引用ではない\n```\n<div>html</div>\n    字下げ";
        PaperMetadata base = TestEvents.fixtureMetadata("2311.13581.json");
        PaperMetadata hostile = new PaperMetadata(title, List.of("*Ann*", "<Bob>"), base.abstractText(),
                base.published(), null, base.categories(), base.url(), base.pdfUrl(), null, null, null);
        PaperFetched plain = TestEvents.fetched(ISSUE, PASS, hostile,
                org.paperdigest.events.ContentLevel.FULL_TEXT, List.of());
        String linkSentence = "Code: <script>x</script> [y](http://evil.example) *z* https://github.com/a/b.";
        PaperFetched fetched = new PaperFetched(plain.schemaVersion(), ISSUE, PASS, 1, null, "v1", hostile,
                plain.contentLevel(), null, List.of("<b>note</b> *x*"), plain.sourceUrls(), plain.fetchedAt(),
                List.of(new ResourceLink("https://github.com/a/b", linkSentence, 2),
                        new ResourceLink("javascript:alert(1)", linkSentence, null)),
                List.of());
        PaperSummarized summary = TestEvents.summarized(ISSUE, PASS, abstractJa, "# 一行 *要約*");
        List<String> keyResults = List.of("- *結果* <b>1</b>", "[x](http://evil.example) `30%`");
        PaperSummarized withKeyResults = new PaperSummarized(summary.schemaVersion(), ISSUE, PASS, 1, "v1",
                abstractJa, summary.summaryJa(), keyResults, summary.generation());
        IssuePlanned plan = TestEvents.plan(ISSUE, PUBLISHED_AT, TestEvents.planned(1, PASS, "- list *title*"));
        IssueContent content = IssueAssembler.assemble(plan, Map.of(PASS, new PaperRecord(PASS, fetched,
                withKeyResults, TestEvents.answered(ISSUE, PASS), null, null, null)), 1, PUBLISHED_AT);

        MarkdownTree hostileTree = MarkdownTree.parse(IssueMarkdown.render(content));

        assertEquals(List.of(title), List.copyOf(hostileTree.sections().keySet()));
        List<Node> section = hostileTree.sections().get(title);
        assertEquals("主な結果", text(section.get(0)));
        assertEquals(keyResults, texts(all(section.get(1), ListItem.class)));
        assertEquals("著者:*Ann*, <Bob>\n発行日:2023年11月22日\n最終更新日:不明\nURL:" + base.url()
                + "\nカテゴリ:Computation and Language", text(section.get(2)));
        assertEquals(List.of("論文ページ:" + base.url(), "PDF:" + base.pdfUrl(),
                "コード:https://github.com/a/b\n「" + linkSentence + "」 (p. 2)"), texts(all(section.get(4), ListItem.class)));
        assertThat(texts(section.stream().filter(Paragraph.class::isInstance).toList()), hasItem(
                "一行目\n# 見出しではない\n- リストではない"));
        assertThat(texts(section.stream().filter(Paragraph.class::isInstance).toList()), hasItem(
                "2023. 年の話\n===\n> 引用ではない\n```\n<div>html</div>\n字下げ"));
        ListItem firstItem = all(hostileTree.document(), ListItem.class).get(0);
        assertEquals(title + "\n発行日:2023年11月22日\n# 一行 *要約*", text(firstItem.getFirstChild()));
        assertEquals(keyResults, texts(all(firstItem.getLastChild(), ListItem.class)));
        for (Class<? extends Node> forbidden : List.of(Emphasis.class, StrongEmphasis.class, HtmlInline.class,
                HtmlBlock.class, FencedCodeBlock.class, IndentedCodeBlock.class, Code.class, OrderedList.class,
                ThematicBreak.class)) {
            if (forbidden == StrongEmphasis.class) {
                // The only strong emphasis is the renderer's own labels.
                assertThat(texts(all(hostileTree.document(), StrongEmphasis.class)),
                        contains("主な結果", "Q1:", "A:", "Q2:", "A:"));
                continue;
            }
            assertThat(forbidden.getSimpleName(), all(hostileTree.document(), forbidden), empty());
        }
        assertEquals(List.of(1, 2, 3, 3, 3), all(hostileTree.document(), Heading.class).stream()
                .map(Heading::getLevel).toList());
        assertEquals(List.of(base.url(), base.url(), base.pdfUrl()), all(hostileTree.document(), Link.class).stream()
                .map(Link::getDestination).filter(url -> url.contains("arxiv")).toList());
        assertEquals(List.of("https://github.com/a/b"), all(hostileTree.document(), Link.class).stream()
                .map(Link::getDestination).filter(url -> !url.contains("arxiv")).toList());
        assertTrue(all(hostileTree.document(), Link.class).stream().noneMatch(
                link -> link.getDestination().contains("evil")), "no link from untrusted text");
    }

    @Test
    void anAbstractOnlyPaperNeverSaysThePaperDoesNotStateSomething() {
        QuestionAnswer partial = new QuestionAnswer("Q", "A", true, List.of(), List.of("評価の詳細"));
        QuestionAnswer none = new QuestionAnswer("Q", "論文中に記載がありません", false, List.of(), List.of("費用"));

        assertEquals(List.of("※ 評価の詳細は概要には記載がありません"), IssueMarkdown.gaps(partial, ContentLevel.ABSTRACT_ONLY));
        assertEquals(List.of("※ 評価の詳細は論文中に記載がありません"), IssueMarkdown.gaps(partial, ContentLevel.FULL_TEXT));
        assertEquals("概要には記載がありません", IssueMarkdown.notStated(ContentLevel.ABSTRACT_ONLY));
        assertEquals(List.of(), IssueMarkdown.gaps(none, ContentLevel.ABSTRACT_ONLY));
    }
}

package org.paperdigest.qa.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Evidence;
import org.paperdigest.events.QuestionAnswer;
import org.paperdigest.qa.client.AnswerDraft;
import org.paperdigest.qa.client.Aspect;
import org.paperdigest.qa.client.QuestionDraft;
import org.paperdigest.qa.client.QuoteDraft;

class AnswerValidatorTest {

    static final Chunk ABSTRACT = new Chunk(1, "Abstract", "Abstract We present GPQA, a challenging dataset of 448 "
            + "multiple-choice questions written by domain experts in biology, physics, and chemistry. We ensure that the "
            + "questions are high-quality and extremely difficult: experts who have or are pursuing PhDs in the "
            + "corresponding domains reach 65% accuracy (74% when discounting clear mistakes the experts identified in "
            + "retrospect), while highly skilled non-expert validators only reach 34% accuracy.");
    static final Chunk SPLITS = new Chunk(6, "2.3 Dataset Splits", "2.3 Dataset Splits In total, we collect 564 "
            + "questions with the procedure described in Section 2.1. We remove 18 questions to form a small unreleased "
            + "held-out set.");
    static final List<Chunk> GIVEN = List.of(ABSTRACT, SPLITS);
    static final String TITLE = "GPQA: A Graduate-Level Google-Proof Q&A Benchmark";
    static final QuestionDraft SIZE = new QuestionDraft(Aspect.METHOD, "GPQAには何問の多肢選択問題が含まれていますか？",
            "How many multiple-choice questions does GPQA contain?");

    final AnswerValidator validator = new AnswerValidator();

    @Test
    void acceptsAGroundedAnswerAndTakesPageAndSectionFromTheChunk() {
        AnswerDraft draft = new AnswerDraft(true, "GPQAは生物学・物理学・化学の専門家が作成した448問の多肢選択問題からなります。", List.of(),
                List.of(new QuoteDraft(1, "a challenging dataset of 448 multiple-choice questions written by domain experts")));

        Verdict verdict = validator.check(SIZE, draft, GIVEN, TITLE);

        assertEquals(List.of(), verdict.findings());
        QuestionAnswer item = verdict.item();
        assertTrue(item.answerable());
        assertEquals(SIZE.questionJa(), item.question());
        assertEquals(List.of(new Evidence("a challenging dataset of 448 multiple-choice questions written by domain experts",
                1, "Abstract")), item.evidence());
    }

    @Test
    void aTrueQuoteUnderTheWrongChunkNumberGetsThePageWhereItReallyIs() {
        AnswerDraft draft = new AnswerDraft(true, "合計564問を収集しました。", List.of(),
                List.of(new QuoteDraft(1, "In total, we collect 564 questions with the procedure")));

        Verdict verdict = validator.check(SIZE, draft, GIVEN, TITLE);

        assertEquals(6, verdict.item().evidence().get(0).page());
        assertEquals("2.3 Dataset Splits", verdict.item().evidence().get(0).section());
    }

    @Test
    void rejectsAMisquoteAndSaysWhichQuote() {
        AnswerDraft draft = new AnswerDraft(true, "GPQAは500問の多肢選択問題からなります。", List.of(),
                List.of(new QuoteDraft(1, "a challenging dataset of 500 multiple-choice questions")));

        Verdict verdict = validator.check(SIZE, draft, GIVEN, TITLE);

        assertNull(verdict.item());
        assertEquals(List.of(
                "quote 1 (\"a challenging dataset of 500 multiple-choice questions\") does not occur word for word in chunk 1:"
                        + " copy the words exactly as they stand in the chunk",
                "the answer states 500 but no quote contains it: quote the passage that gives it, or leave it out"),
                verdict.findings());
    }

    @Test
    void rejectsANumberTheQuotesDoNotGive() {
        AnswerDraft draft = new AnswerDraft(true, "専門家の正答率は65%、非専門家は34%、GPT-4は39%です。", List.of(),
                List.of(new QuoteDraft(1, "corresponding domains reach 65% accuracy (74% when discounting clear mistakes"),
                        new QuoteDraft(1, "highly skilled non-expert validators only reach 34% accuracy")));

        Verdict verdict = validator.check(SIZE, draft, GIVEN, TITLE);

        assertEquals(List.of("the answer states 39 but no quote contains it: quote the passage that gives it, or leave it out",
                "the answer names GPT-4, which the paper's text does not contain: state only what the text says, and name"
                        + " what it does not state in notStated"),
                verdict.findings());
    }

    @Test
    void anUnanswerableQuestionIsAnsweredAsNotStatedWithoutEvidence() {
        AnswerDraft draft = new AnswerDraft(false, "不明です", List.of(), List.of(new QuoteDraft(1, "We present GPQA, a challenging dataset")));

        QuestionAnswer item = validator.check(SIZE, draft, GIVEN, TITLE).item();

        assertEquals(new QuestionAnswer(SIZE.questionJa(), "論文中に記載がありません", false, List.of(), List.of()), item);
    }

    @Test
    void anAnswerableAnswerNeedsEvidenceJapaneseAndAtMostFourSentences() {
        assertEquals(List.of("an answerable answer needs 1 to 5 evidence quotes copied from the chunks",
                "the answer states 448 but no quote contains it: quote the passage that gives it, or leave it out"),
                validator.check(SIZE, new AnswerDraft(true, "448問です。", List.of(), List.of()), GIVEN, TITLE).findings());

        List<QuoteDraft> quote = List.of(new QuoteDraft(1, "a challenging dataset of 448 multiple-choice questions"));
        assertEquals(List.of("the answer is not Japanese: write it in Japanese"),
                validator.check(SIZE, new AnswerDraft(true, "GPQA has 448 questions.", List.of(), quote), GIVEN, TITLE).findings());
        assertEquals(List.of("the answer has 5 sentences: use at most 4"),
                validator.check(SIZE, new AnswerDraft(true, "448問です。一。二。三。四。", List.of(), quote), GIVEN, TITLE).findings());
        assertEquals(List.of("quote 1 (\"448 multiple-choice\") is too short to show anything: quote at least 4 consecutive words"),
                validator.check(SIZE, new AnswerDraft(true, "生物学・物理学・化学の専門家が書いた問題です。", List.of(), List.of(new QuoteDraft(1, "448 multiple-choice"))), GIVEN, TITLE).findings());
    }

    @Test
    void catchesTheSeedIssuesAnswersThatOnlyRepeatTheirQuestion() {
        // Verbatim question/answer pairs from reference/seed-article-ja.txt, the earlier system's output.
        assertTrue(AnswerValidator.restates(
                "熟練した非専門家のバリデーターは、質問に答えるために、ウェブに自由にアクセスできる状態で、平均してどれくらいの時間を費やすのだろうか?",
                "非常に熟練した非専門の検証者は、質問に回答するために制限のないインターネットリソースにアクセスするために、平均してどれくらいの時間を費やしていますか?"));
        assertTrue(AnswerValidator.restates(
                "GAIAの問題における人間とGPT-4のパフォーマンス格差は、専門的なタスクにおいてLLMが人間を上回るという最近の傾向とどう対照的なのだろうか?",
                "GAIAの質問において、人間とGPT-4のパフォーマンスの差は、最近のLLMが専門的なタスクで人間を上回るという傾向とは対照的です."));
        assertTrue(AnswerValidator.restates(
                "TransformerベースのLLMにおけるモデルアーキテクチャの進歩は、ロングコンテキストの能力をどのように最適化するのか?",
                "TransformerベースのLLMのモデルアーキテクチャの進歩により、長い文脈の能力が最適化されます."));
    }

    @Test
    void letsThroughSeedAnswersThatSaySomething() {
        assertFalse(AnswerValidator.restates("GPQAのデータセットには何問の多肢選択問題が含まれていますか?",
                "GPQAデータセットには448の多肢選択問題が含まれています."));
        assertFalse(AnswerValidator.restates("大きなパラメータを持つ言語モデルの生成における主要なボトルネックは何か?",
                "大規模パラメータを持つ言語モデルにおいて、生成の主なボトルネックはメモリからのパラメータの読み込みです."));
        assertFalse(AnswerValidator.restates("GAIAの哲学は、現在のAIベンチマークのトレンドとはどのように異なるのですか?",
                "GAIAの哲学は、AIベンチマークの現在のトレンドとは異なります.現在のトレンドは、人間にとってますます困難なタスクを目指すことを"
                        + "提案していますが、GAIAの哲学は、人間と同様の堅牢性を持つシステムの能力に重点を置いています."));
    }

    @Test
    void keepsWhatTheTextDoesNotStateApartFromTheAnswer() {
        AnswerDraft draft = new AnswerDraft(true, "GPQAは生物学・物理学・化学の専門家が作成した448問からなります。",
                List.of("各分野の問題数", " ", "サブ分野の名前は論文中に記載がありません"),
                List.of(new QuoteDraft(1, "a challenging dataset of 448 multiple-choice questions written by domain experts")));

        QuestionAnswer item = validator.check(SIZE, draft, GIVEN, TITLE).item();

        assertEquals(List.of("各分野の問題数", "サブ分野の名前"), item.notStated());
    }

    @Test
    void aCaveatAboutTheGivenTextBecomesAnItemOfWhatIsNotStated() {
        // A recorded first answer (llm-replies, GPQA): true, but it tells the reader about our chunks.
        AnswerDraft draft = new AnswerDraft(true, "GPQAは生物学・物理学・化学の448問からなる（個々のサブ分野名は与えられたチャンクには記載がない）。"
                + "ただし、各分野の問題数は、与えられたテキストには記載されていない。", List.of(),
                List.of(new QuoteDraft(1, "448 multiple-choice questions written by domain experts in biology, physics, and chemistry")));

        QuestionAnswer item = validator.check(SIZE, draft, GIVEN, TITLE).item();

        assertEquals("GPQAは生物学・物理学・化学の448問からなる。", item.answer());
        assertEquals(List.of("個々のサブ分野名", "各分野の問題数"), item.notStated());
    }

    @Test
    void otherTalkAboutTheGivenTextIsSentBackToTheListOfWhatIsNotStated() {
        List<String> findings = validator.check(SIZE, new AnswerDraft(true, "このチャンクによると、GPQAは448問からなります。",
                List.of(), List.of(new QuoteDraft(1, "a challenging dataset of 448 multiple-choice questions"))), GIVEN, TITLE)
                .findings();

        assertEquals(1, findings.size(), findings::toString);
        assertTrue(findings.get(0).contains("notStated"), findings.get(0));
        assertFalse(validator.check(SIZE, new AnswerDraft(true, "448問からなります。", List.of("与えられたテキストにない情報"),
                List.of(new QuoteDraft(1, "a challenging dataset of 448 multiple-choice questions"))), GIVEN, TITLE).isAccepted());
    }

    @Test
    void numbersTheQuotesSpellOutAndDigitsInNamesAreNoUnsupportedClaims() {
        Chunk orca = new Chunk(1, "Abstract", "Orca 1 learns from rich signals. We use two models, and a second smaller"
                + " model drafts tokens in a single forward pass. The dataset has 3 million examples.");
        QuestionDraft how = new QuestionDraft(Aspect.METHOD, "どのように学習しますか？", "How does it learn?");
        String title = "Orca 2: Teaching Small Language Models How to Reason";

        assertEquals(List.of(), validator.check(how, new AnswerDraft(true,
                "Orca 2は2つのモデルを使い、第2のモデルが1回の順伝播でトークンを下書きし、300万件の例で学習する。", List.of(),
                List.of(new QuoteDraft(1, "We use two models, and a second smaller model drafts tokens in a single forward pass"),
                        new QuoteDraft(1, "The dataset has 3 million examples"))), List.of(orca), title).findings());
        assertEquals(List.of("the answer states 3 but no quote contains it: quote the passage that gives it, or leave it out"),
                validator.check(how, new AnswerDraft(true, "Orca 2は3つのモデルを使う。", List.of(),
                        List.of(new QuoteDraft(1, "We use two models, and a second smaller model drafts tokens"))),
                        List.of(orca), title).findings());
    }

    @Test
    void namesAndAddressesTheTextDoesNotContainAreUnsupported() {
        Chunk code = new Chunk(1, null, "Our code is available at https://github.com/idavidrein/gpqa and evaluated"
                + " against GPT-4 with few-shot chain-of-thought prompting.");
        QuestionDraft where = new QuestionDraft(Aspect.RESOURCES, "コードはどこで公開されていますか？",
                "Where is the code released?");
        List<QuoteDraft> quote = List.of(new QuoteDraft(1, "Our code is available at https://github.com/idavidrein/gpqa"));

        assertEquals(List.of(), validator.check(where, new AnswerDraft(true,
                "コードは https://github.com/idavidrein/gpqa で公開されている。", List.of(), quote), List.of(code), TITLE).findings());
        List<String> invented = validator.check(where, new AnswerDraft(true,
                "コードは https://github.com/gpqa/gpqa-bench で公開され、HELM-Lite でも評価された。", List.of(), quote),
                List.of(code), TITLE).findings();
        assertEquals(1, invented.size(), invented::toString);
        assertTrue(invented.get(0).startsWith("the answer names https://github.com/gpqa/gpqa-bench, HELM-Lite,"),
                invented.get(0));
    }

    @Test
    void allowsUpToFiveQuotes() {
        QuoteDraft one = new QuoteDraft(1, "a challenging dataset of 448 multiple-choice questions");
        List<QuoteDraft> six = List.of(one, one, one, one, one, one);

        QuestionAnswer item = validator.check(SIZE, new AnswerDraft(true, "448問からなります。", List.of(), six), GIVEN, TITLE).item();

        assertEquals(5, item.evidence().size());
    }
}

package org.paperdigest.qa.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.qa.client.AnswerDraft;
import org.paperdigest.qa.client.Aspect;
import org.paperdigest.qa.client.QuestionDraft;
import org.paperdigest.qa.client.QuoteDraft;

/** Question/answer pairs marked "seed" are verbatim from reference/seed-article-ja.txt, the earlier system's issue. */
class GenericAnswersTest {

    static final String ADDS_NOTHING = "the answer adds nothing specific to the question (no term, name or number the"
            + " question does not already have): state the finding the paper reports";
    static final String CONTEXT = "the answer speaks of the text it was given instead of the paper: state what the"
            + " paper reports in the answer, and name each part of the question the text does not state in notStated"
            + " instead";
    static final String DANGLING = "the answer announces items it does not give: state the items themselves";

    @Test
    void rejectsTheSeedsYesThereAreSomeAnswer() {
        String question = "長いコンテキストのプロンプトを処理するLLMの効率と有効性を高めることができるライブラリ、システム、"
                + "コンパイラなどの最適化ツールキットはありますか?";
        String answer = "はい、与えられた文脈では、効率と効果を向上させるための最適化ツールキットとして、ライブラリ、システム、"
                + "コンパイラなどがいくつか調査されています.";

        assertEquals(List.of(CONTEXT, ADDS_NOTHING), GenericAnswers.findings(question,
                "Are there optimization toolkits such as libraries, systems and compilers for long-context LLMs?",
                answer));
    }

    @Test
    void rejectsTheSeedsAnswersThatAnnounceAListAndStop() {
        assertEquals(List.of(DANGLING), GenericAnswers.findings(
                "トランスフォーマーベースのLLMでロングコンテクスト能力を最適化する際に直面する主な課題とは?",
                "What are the main challenges in optimizing long-context capabilities of Transformer-based LLMs?",
                "TransformerベースのLLMの長文脈能力を最適化する際に直面する主な課題は、次のようなものです."));
        assertTrue(GenericAnswers.findings(
                "ロングコンテキストのLLMにおけるトランスフォーマー・アーキテクチャーの進歩という領域で、今後の研究の可能性について"
                        + "話していただけますか?",
                "What future research directions exist for Transformer architectures in long-context LLMs?",
                "Transformerアーキテクチャを進化させるための将来の研究の可能性については、以下のようなアプローチが考えられます.")
                .contains(DANGLING));
    }

    @Test
    void rejectsVeryShortVagueAnswers() {
        String question = "GPQAデータセットでカバーされている具体的な領域は?";
        String en = "Which domains does the GPQA dataset cover?";

        assertEquals(List.of(ADDS_NOTHING), GenericAnswers.findings(question, en, "はい、あります。"));
        assertEquals(List.of(ADDS_NOTHING), GenericAnswers.findings(question, en, "様々な領域がカバーされています。"));
    }

    @Test
    void letsThroughSeedAnswersThatNameSomething() {
        // seed: the domains are named, none of them in the question.
        assertEquals(List.of(), GenericAnswers.findings("GPQAデータセットでカバーされている具体的な領域は?",
                "Which domains does the GPQA dataset cover?", "GPQAデータセットでは、物理学、化学、生物学のサブドメインがカバーされています."));
        // seed: a number the question does not have.
        assertEquals(List.of(), GenericAnswers.findings("並列デコードによる性能向上は?",
                "How much does parallel decoding improve performance?", "パラレルデコーディングによって、実行時間を最大30%改善することができます."));
        // seed: short, but it names the limitation.
        assertEquals(List.of(), GenericAnswers.findings("投機的サンプリングの限界とは?",
                "What is the limitation of speculative sampling?", "スペキュラティブサンプリングの制限は、第二のモデルが必要であるということです."));
        // An answer that quotes the paper says something through its quote.
        assertEquals(List.of(), GenericAnswers.findings("GPQAには何問の多肢選択問題が含まれていますか？",
                "How many multiple-choice questions does GPQA contain?",
                "論文には「a challenging dataset of 448 multiple-choice questions」と書かれています。"));
    }

    @Test
    void theValidatorSendsTheFindingsBackForTheReAsk() {
        QuestionDraft question = new QuestionDraft(Aspect.METHOD, "GPQAデータセットでカバーされている具体的な領域は?",
                "Which domains does the GPQA dataset cover?");
        AnswerDraft draft = new AnswerDraft(true, "はい、与えられた文脈では、いくつかの領域がカバーされています。", List.of(),
                List.of(new QuoteDraft(1, "written by domain experts in biology, physics, and chemistry")));

        Verdict verdict = new AnswerValidator().check(question, draft, AnswerValidatorTest.GIVEN, AnswerValidatorTest.TITLE);

        assertEquals(List.of(CONTEXT, ADDS_NOTHING), verdict.findings());
    }
}

package org.paperdigest.qa.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paperdigest.qa.client.Aspect;
import org.paperdigest.qa.client.QuestionDraft;

class BundledQuestionsTest {

    @Test
    void flagsRecordedQuestionsThatAskSeveralThings() {
        // Questions a capable model wrote for GPQA, Self-RAG and Orca 2 (llm-replies/replies-2026-12.jsonl).
        assertTrue(bundled("GPQA の問題はどの分野・サブ分野をカバーしており、どのようなデータ分割がどの基準で定義されていますか？",
                "Which domains and subdomains do the GPQA questions cover, and which dataset splits are defined according to what criteria?"));
        assertTrue(bundled("Orca 2ではどのような推論手法をモデルに教えており、それぞれどのようなタスクに対して用いられますか？",
                "Which reasoning techniques or solution strategies does Orca 2 teach the model, and for what kinds of tasks is each one used?"));
        assertTrue(bundled("Self-RAGのコード、学習済みモデル、学習データは公開されていますか？公開されている場合、どこで入手できますか？",
                "Are the code, trained models and training data of Self-RAG publicly released, and if so, where can they be obtained?"));
        assertTrue(bundled("Orca 2の評価に使われた15のベンチマークは何で、どのような設定で実行されましたか？",
                "Which 15 benchmarks were used to evaluate Orca 2, what abilities do they measure, and under what settings were they run?"));
        assertTrue(bundled("主なボトルネックは何で、なぜモデルが大きくなるほど悪化するのですか？",
                "What is the main bottleneck limiting generation speed; why does it worsen with model size?"));
    }

    @Test
    void letsSingleAsksThrough() {
        assertFalse(bundled("PaSS は、単一のモデルから並列デコーディングによって複数のトークンをどのようにドラフトするのですか？",
                "How does PaSS use parallel decoding to draft multiple tokens from a single model?"));
        assertFalse(bundled("GPQAは既存のQAベンチマークとどう異なりますか？",
                "How does GPQA differ from existing QA benchmarks such as MMLU and from prior datasets for scalable oversight?"));
        assertFalse(bundled("著者らが認めるOrca 2の限界は何ですか？",
                "What limitations, risks and open problems of Orca 2 do the authors acknowledge?"));
        assertFalse(bundled("評価に使われたデータセットは何ですか？",
                "What is the dataset on which the models are evaluated, which contains expert-written questions?"));
        // A quoted passage is the paper's wording, not a second ask.
        assertFalse(bundled("論文は「what is known and how it is used」について何を述べていますか？",
                "What does the paper say about \"what is known, and how it is used\"?"));
    }

    private static boolean bundled(String ja, String en) {
        return BundledQuestions.isBundled(new QuestionDraft(Aspect.METHOD, ja, en));
    }
}

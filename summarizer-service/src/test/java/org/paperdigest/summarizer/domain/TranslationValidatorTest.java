package org.paperdigest.summarizer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.summarizer.client.TranslationDraft;

class TranslationValidatorTest {

    static final TranslationSource GPQA = ProtectedSpansTest.source("2311.12022");
    static final TranslationSource GAIA = ProtectedSpansTest.source("2311.12983");
    /** A faithful translation of the GPQA abstract, with all of its numbers. */
    static final String GPQA_JA = "我々は、生物学、物理学、化学の分野の専門家が作成した448問の多肢選択問題からなる難しいデータセットGPQAを提示する。"
            + "我々は、問題が高品質で極めて難しいことを保証する。該当分野の博士号を持つか取得中の専門家の正答率は65%"
            + "（専門家が事後に認めた明らかな誤りを除くと74%）であるのに対し、高度な技能を持つ非専門家の検証者は、"
            + "ウェブへの無制限のアクセスを用いて平均30分以上を費やしても正答率は34%にとどまる（すなわち、問題は「Google-proof」である）。"
            + "これらの問題は最先端のAIシステムにとっても難しく、我々の最も強力なGPT-4ベースのベースラインの正答率は39%である。"
            + "新たな科学的知識を開発する場合など、非常に難しい問題への回答に将来のAIシステムを用いるのであれば、"
            + "人間がその出力を監督できるようにするスケーラブルな監督手法を開発する必要があるが、"
            + "これは監督者自身が熟練し知識を持つ場合でさえ難しいかもしれない。"
            + "GPQAが熟練した非専門家と最先端のAIシステムの双方にとって難しいことは、現実的なスケーラブルな監督の実験を可能にするはずであり、"
            + "それが人間の能力を超えるAIシステムから人間の専門家が確実に真実の情報を得る方法の考案に役立つことを期待する。";
    static final String GPQA_SUMMARY = "専門家が作成した448問の難問からなる、検索では解けないQAベンチマークGPQAを提案。";

    final TranslationValidator validator = new TranslationValidator();

    @Test
    void acceptsAFaithfulTranslation() {
        assertEquals(List.of(), validator.check(GPQA, draft(GPQA_JA, GPQA_SUMMARY)));
    }

    @Test
    void namesAProtectedSpanThatWasTranslated() {
        // GAIA kept in each of the five places the abstract names it; only the URL was translated.
        String ja = ("GAIAは一般AIアシスタントのためのベンチマークである。我々は92%対15%（GPT-4）を示す。466問を考案し、300問の答えを保持し、"
                + "https://huggingface.co/gaia-ベンチマーク で公開する。").repeat(5);

        List<String> findings = validator.check(GAIA, draft(ja, "GAIAを提案する。"));

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).contains("\"https://huggingface.co/gaia-benchmark\""), findings.get(0));
    }

    @Test
    void namesAProtectedSpanChangedInOneOfThePlacesTheAbstractUsesIt() {
        String oneChanged = GPQA_JA.replaceFirst("GPQA", "ジーピーキューエー");

        List<String> findings = validator.check(GPQA, draft(oneChanged, GPQA_SUMMARY));

        assertEquals(List.of("abstractJa has \"GPQA\" 1 of the 2 times the abstract has it: keep every occurrence"
                + " exactly as written, character for character"), findings);
    }

    @Test
    void rejectsEnglishOrChineseOutput() {
        String chinese = "我们提出了GPQA，一个由生物学、物理学和化学领域专家编写的448道多项选择题组成的数据集。65% 74% 34% 30 39% 4".repeat(3);

        List<String> findings = validator.check(GPQA, draft(chinese, GPQA_SUMMARY));

        assertTrue(findings.contains("abstractJa is not Japanese: translate the abstract into Japanese"), findings.toString());
    }

    @Test
    void rejectsASummaryPassedOffAsTheTranslation() {
        List<String> findings = validator.check(GPQA, draft(GPQA_SUMMARY, GPQA_SUMMARY));

        assertTrue(findings.stream().anyMatch(f -> f.contains("do not summarise")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.contains("lacks the number(s) 65, 74, 34, 30, 4, 39")), findings.toString());
    }

    @Test
    void namesTheNumbersATranslationDropped() {
        String changed = GPQA_JA.replace("74%", "約7割");

        List<String> findings = validator.check(GPQA, draft(changed, GPQA_SUMMARY));

        assertEquals(List.of("abstractJa lacks the number(s) 74 that the abstract states: keep every number as written"), findings);
    }

    @Test
    void enforcesTheSummaryLimitOfTheContract() {
        String tooLong = "あ".repeat(121);

        List<String> findings = validator.check(GPQA, draft(GPQA_JA, tooLong));

        assertEquals(List.of("summaryJa has 121 characters; the limit is 120: write one shorter sentence"), findings);
        assertEquals(List.of(), validator.check(GPQA, draft(GPQA_JA, "あ".repeat(120))));
    }

    @Test
    void reportsMissingFields() {
        List<String> findings = validator.check(GPQA, draft(null, " "));

        assertEquals(List.of("abstractJa is empty: translate the whole abstract",
                "summaryJa is empty: write the one-line Japanese summary"), findings);
    }

    private static TranslationDraft draft(String abstractJa, String summaryJa) {
        return new TranslationDraft(abstractJa, summaryJa, List.of());
    }
}

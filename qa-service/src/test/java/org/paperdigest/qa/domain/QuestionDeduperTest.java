package org.paperdigest.qa.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.qa.client.Aspect;
import org.paperdigest.qa.client.QuestionDraft;

class QuestionDeduperTest {

    static QuestionDraft q(String ja, String en) {
        return new QuestionDraft(Aspect.RESULTS, ja, en);
    }

    @Test
    void dropsALaterRewordingOfTheSameQuestion() {
        QuestionDraft first = q("GPQAのデータセットには何問の多肢選択問題が含まれていますか？",
                "How many multiple-choice questions does the GPQA dataset contain?");
        QuestionDraft again = q("GPQAデータセットには何問の多肢選択問題が含まれているのですか？",
                "How many multiple-choice questions are contained in the GPQA dataset?");
        QuestionDraft other = q("GPT-4ベースのベースラインの正答率は何%ですか？", "What accuracy does the GPT-4 based baseline reach?");

        assertEquals(List.of(first, other), QuestionDeduper.distinct(List.of(first, again, other)));
    }

    @Test
    void keepsQuestionsThatDifferInTheOneWordThatMatters() {
        QuestionDraft experts = q("専門家の正答率は何%ですか？", "What accuracy do experts reach?");
        QuestionDraft nonExperts = q("非専門家の正答率は何%ですか？", "What accuracy do non-experts reach?");

        assertEquals(List.of(experts, nonExperts), QuestionDeduper.distinct(List.of(experts, nonExperts)));
    }

    @Test
    void keepsTheSeedIssuesDistinctGpqaQuestions() {
        // Two questions of the earlier system's GPQA entry (reference/seed-article-ja.txt): related, not the same.
        QuestionDraft purpose = q("未来のAIシステムのために、スケーラブルな監督法を開発する目的は何なのか?",
                "What is the purpose of developing scalable oversight methods for future AI systems?");
        QuestionDraft truthful = q("人間の能力を凌駕するAIシステムから真実の情報を得る目的とは?",
                "What is the purpose of getting truthful information from AI systems that surpass human capabilities?");

        assertEquals(2, QuestionDeduper.distinct(List.of(purpose, truthful)).size());
    }
}

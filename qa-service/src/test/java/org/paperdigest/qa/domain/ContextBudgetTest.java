package org.paperdigest.qa.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.qa.client.Aspect;
import org.paperdigest.qa.client.QuestionDraft;

class ContextBudgetTest {

    static final List<Chunk> PAPER = paper();

    @Test
    void aPaperThatFitsIsGivenWholeAndTheSameToEveryQuestion() {
        ContextBudget budget = new ContextBudget(PAPER, 100_000);
        try (Bm25Retriever retriever = new Bm25Retriever(PAPER)) {
            assertTrue(budget.wholePaperFits());
            assertEquals(PAPER, budget.contextFor(question(Aspect.RESULTS, "What accuracy do experts reach?"), retriever));
            assertEquals(PAPER, budget.contextFor(question(Aspect.PROBLEM, "Why does oversight matter?"), retriever));
        }
    }

    @Test
    void aPaperThatFitsNeedsNoIndex() {
        ContextBudget budget = new ContextBudget(PAPER, 100_000);
        assertEquals(PAPER, budget.contextFor(question(Aspect.RESOURCES, "Where is the code released?"), null));
    }

    @Test
    void aLargerPaperFillsTheBudgetWithTheBestChunksAndTheirNeighboursInReadingOrder() {
        int budgetTokens = 3 * ContextBudget.tokens(PAPER.get(0)) + 5;
        ContextBudget budget = new ContextBudget(PAPER, budgetTokens);
        try (Bm25Retriever retriever = new Bm25Retriever(PAPER)) {
            List<Chunk> given = budget.contextFor(question(Aspect.RESULTS, "What accuracy do expert validators reach?"),
                    retriever);

            assertFalse(budget.wholePaperFits());
            assertEquals(List.of(PAPER.get(6), PAPER.get(7), PAPER.get(8)), given);
            assertTrue(given.stream().mapToInt(ContextBudget::tokens).sum() <= budgetTokens);
        }
    }

    @Test
    void aQuestionAboutReleasedCodeIsGivenThePassagesWithAddressesFirst() {
        int budgetTokens = ContextBudget.tokens(PAPER.get(0)) + 5;
        ContextBudget budget = new ContextBudget(PAPER, budgetTokens);
        try (Bm25Retriever retriever = new Bm25Retriever(PAPER)) {
            List<Chunk> given = budget.contextFor(question(Aspect.RESOURCES, "Where can the dataset be downloaded?"),
                    retriever);

            assertEquals(List.of(PAPER.get(1)), given);
        }
    }

    private static QuestionDraft question(Aspect aspect, String en) {
        return new QuestionDraft(aspect, "質問", en);
    }

    /** Twelve chunks of the same length; chunk 7 (index 7) answers the accuracy question, chunk 1 has a footnote URL. */
    private static List<Chunk> paper() {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String text = switch (i) {
                case 1 -> "1 Data and code are at https://github.com/example/benchmark for everyone to use now.";
                case 7 -> "Expert validators reach 65 percent accuracy on the questions while the others lag.";
                default -> String.format("Filler passage number %02d about unrelated matters of the study here.", i);
            };
            chunks.add(new Chunk(i + 1, null, text));
        }
        return chunks;
    }
}

package org.paperdigest.qa.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Bm25RetrieverTest {

    final Bm25Retriever retriever = new Bm25Retriever(ChunkerTest.CHUNKS);

    @AfterEach
    void close() {
        retriever.close();
    }

    @Test
    void findsTheAbstractForTheDatasetSize() {
        List<Chunk> top = retriever.top("How many multiple-choice questions does GPQA contain?", 4);

        assertEquals(4, top.size());
        assertTrue(top.stream().anyMatch(c -> c.text().contains("448 multiple-choice questions")), top.toString());
    }

    @Test
    void findsTheLimitationsSection() {
        Chunk best = retriever.top("What limitations of GPQA do the authors state?", 1).get(0);

        assertEquals("6 Limitations", best.section());
    }

    @Test
    void findsTheSplitsByTheirNames() {
        Chunk best = retriever.top("How many questions are in the diamond set and the extended set?", 1).get(0);

        assertTrue(best.text().contains("diamond") || best.text().contains("Diamond"), best.text());
    }

    @Test
    void ranksByScoreAndReturnsNoMoreThanAsked() {
        List<Chunk> top = retriever.top("canary string leakage training corpora", 3);

        assertEquals(3, top.size());
        assertTrue(top.get(0).text().contains("canary string"), top.get(0).text());
    }

    @Test
    void findsOtherFormsOfTheQuestionsWords() {
        // "canaries" does not occur in the paper; English stemming matches it to "canary".
        Chunk best = retriever.top("Why does the dataset include canaries?", 1).get(0);

        assertTrue(best.text().contains("canary string"), best.text());
    }

    @Test
    void aQuestionsPunctuationIsNotQuerySyntax() {
        List<Chunk> top = retriever.top("GPQA: \"diamond\" AND (extended* OR main)? -set ~2 [NOT] {split}^3", 2);

        assertEquals(2, top.size());
        assertTrue(top.get(0).text().toLowerCase().contains("diamond"), top.get(0).text());
    }

    @Test
    void anEmptyPaperHasNoChunksToGive() {
        try (Bm25Retriever empty = new Bm25Retriever(List.of())) {
            assertEquals(List.of(), empty.top("How many questions?", 4));
        }
    }

    @Test
    void aQueryOfStopwordsOnlyStillReturnsChunksInReadingOrder() {
        assertEquals(ChunkerTest.CHUNKS.subList(0, 2), retriever.top("what is the", 2));
    }
}

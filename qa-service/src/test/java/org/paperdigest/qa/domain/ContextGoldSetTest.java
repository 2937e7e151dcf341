package org.paperdigest.qa.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.paperdigest.qa.FixturePapers;
import org.paperdigest.qa.client.Aspect;
import org.paperdigest.qa.client.QuestionDraft;

/**
 * Whether the context an answer is given holds the page where its answer stands, on a gold set of 26 questions about
 * GPQA and Self-RAG (fixtures/context-gold.tsv: footnotes, tables, appendices and body text). Prints, for the default
 * budget and for a small one as a local model with an 8k window would have, the share of gold pages in the context.
 */
class ContextGoldSetTest {

    static final int DEFAULT_BUDGET = 60_000;
    static final int SMALL_BUDGET = 6_000;

    @Test
    void theContextHoldsTheGoldPages() {
        List<Gold> gold = gold();
        double whole = share(gold, DEFAULT_BUDGET, true);
        double small = share(gold, SMALL_BUDGET, true);
        System.out.printf("Context gold set: %d questions; gold pages in the context: %.0f%% at %d tokens, %.0f%% at"
                + " %d tokens%n", gold.size(), 100 * whole, DEFAULT_BUDGET, 100 * small, SMALL_BUDGET);
        assertTrue(gold.size() >= 20);
        assertEquals(1.0, whole, "at the default budget both papers are given whole");
        assertTrue(small >= 0.9, "at " + SMALL_BUDGET + " tokens retrieval should still find 90% of the gold pages");
    }

    private static double share(List<Gold> gold, int budgetTokens, boolean print) {
        int found = 0;
        int pages = 0;
        Map<String, List<Chunk>> papers = new LinkedHashMap<>();
        for (Gold g : gold) {
            List<Chunk> chunks = papers.computeIfAbsent(g.paper(), ContextGoldSetTest::chunks);
            ContextBudget budget = new ContextBudget(chunks, budgetTokens);
            try (Bm25Retriever retriever = new Bm25Retriever(chunks)) {
                List<Chunk> given = budget.contextFor(new QuestionDraft(g.aspect(), "質問", g.question()), retriever);
                Set<Integer> present = given.stream().map(Chunk::page).filter(Objects::nonNull)
                        .collect(Collectors.toSet());
                for (int page : g.pages()) {
                    pages++;
                    if (present.contains(page)) {
                        found++;
                    } else if (print) {
                        System.out.printf("  at %d tokens, page %d missing for \"%s\" (%s); given pages %s%n",
                                budgetTokens, page, g.question(), g.paper(), present.stream().sorted().toList());
                    }
                }
            }
        }
        return (double) found / pages;
    }

    static List<Chunk> chunks(String paper) {
        return new Chunker(180).pageChunks(FixturePapers.pages(paper + ".pdftotext.txt"), true);
    }

    private static List<Gold> gold() {
        return FixturePapers.resource("context-gold.tsv").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(line -> {
            String[] f = line.split("\t");
            List<Integer> pages = List.of(f[3].split(",")).stream().map(String::strip).map(Integer::parseInt).toList();
            return new Gold(f[0], Aspect.valueOf(f[1]), f[2], pages);
        }).toList();
    }

    private record Gold(String paper, Aspect aspect, String question, List<Integer> pages) {
    }
}

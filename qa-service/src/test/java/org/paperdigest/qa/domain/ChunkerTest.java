package org.paperdigest.qa.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Page;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.qa.FixturePapers;

class ChunkerTest {

    static final List<Page> PAGES = FixturePapers.gpqaPages();
    static final List<Chunk> CHUNKS = new Chunker(180).chunks(FixturePapers.gpqaFullText("2023-11-20"));

    @Test
    void everyChunkIsTextOfItsOwnPage() {
        assertEquals(28, PAGES.size());
        Map<Integer, String> pageText = PAGES.stream().collect(Collectors.toMap(Page::number, Page::text));
        for (Chunk chunk : CHUNKS) {
            assertTrue(QuoteMatcher.occursIn(chunk.text(), pageText.get(chunk.page())),
                    "chunk not found on its page " + chunk.page() + ": " + chunk.text());
        }
        assertEquals(1, CHUNKS.get(0).page());
        assertEquals(28, CHUNKS.get(CHUNKS.size() - 1).page());
    }

    @Test
    void chunksHaveAboutTheTargetLengthAndHeadingsAreNotPartOfTheText() {
        for (Chunk chunk : CHUNKS) {
            int words = QuoteMatcher.words(chunk.text());
            assertTrue(words > 0 && words <= 2 * 180 + 80, words + " words: " + chunk.text());
            // A table's chunk opens with its caption ("Table 1: …"), which is text, not a heading.
            boolean table = chunk.section() != null && chunk.section().startsWith("Table ");
            assertFalse(chunk.section() != null && !table && chunk.text().startsWith(chunk.section()), chunk.text());
        }
        double average = CHUNKS.stream().mapToInt(c -> QuoteMatcher.words(c.text())).average().orElseThrow();
        assertTrue(average > 100 && average < 250, "average " + average);
    }

    @Test
    void detectsSectionHeadingsAndCarriesThemAcrossPages() {
        List<String> headings = Chunker.headings(CHUNKS);
        assertTrue(headings.containsAll(List.of("Abstract", "1 Introduction", "2 Data Collection",
                "2.1 The Collection Pipeline", "4 Baselines", "6 Limitations", "7 Conclusion", "A.1 Author Contributions")),
                headings.toString());
        assertFalse(headings.stream().anyMatch(h -> h.contains("Cohere")), "an affiliation line is no heading");

        Chunk abstractChunk = CHUNKS.stream().filter(c -> c.text().contains("448 multiple-choice questions")).findFirst().orElseThrow();
        assertEquals(1, abstractChunk.page());
        assertEquals("Abstract", abstractChunk.section());
        Chunk canary = CHUNKS.stream().filter(c -> c.text().contains("canary string")).findFirst().orElseThrow();
        assertEquals(2, canary.page());
        assertEquals("1 Introduction", canary.section(), "page 2 continues the introduction");
    }

    @Test
    void keepsAWordBrokenAcrossLinesReadable() {
        Chunk pipeline = CHUNKS.stream().filter(c -> "2.1 The Collection Pipeline".equals(c.section())).findFirst().orElseThrow();
        assertFalse(pipeline.text().contains("  "));
        assertFalse(pipeline.text().contains("\n"));
    }

    @Test
    void anAbstractOnlyPaperIsOneChunkWithoutPage() {
        PaperFetched paper = FixturePapers.gpqaAbstractOnly("2023-11-20");

        List<Chunk> chunks = new Chunker(180).chunks(paper);

        assertEquals(1, chunks.size());
        assertNull(chunks.get(0).page());
        assertEquals("Abstract", chunks.get(0).section());
        assertTrue(chunks.get(0).text().startsWith("We present GPQA, a challenging dataset of 448"));
    }

    @Test
    void aTextWithoutPagesIsCitedBySectionAlone() {
        List<Page> html = List.of(new Page(1, "Abstract\n\nWe present GPQA, a challenging dataset of 448 "
                + "multiple-choice questions.\n\n2.1 The Collection Pipeline\n\nWorkers receive large bonuses for "
                + "high-quality work at each stage."));

        List<Chunk> chunks = new Chunker(180).pageChunks(html, false);

        assertEquals(List.of(new Chunk(null, "Abstract",
                        "We present GPQA, a challenging dataset of 448 multiple-choice questions."),
                new Chunk(null, "2.1 The Collection Pipeline",
                        "Workers receive large bonuses for high-quality work at each stage.")), chunks);
    }

    @Test
    void aTableIsAChunkNamedAfterItAndTheSectionGoesOnAfterIt() {
        // As the HTML rendering gives a table: caption first, then rows of cells, blocks apart.
        List<Page> html = List.of(new Page(3, "3 Experiments\n\nWe compare the settings below on recall and cost "
                + "of retrieval.\n\nTable 2: Recall and cost of three settings.\n\nSetting | Recall | Cost\n\n"
                + "Dense reranker | 56.1 | 30.3\n\nSparse filter | 83.2 | 43.3\n\nThe sparse filter recalls most."));
        List<Chunk> chunks = new Chunker(180).pageChunks(html, true);
        assertEquals(List.of(
                new Chunk(3, "3 Experiments", "We compare the settings below on recall and cost of retrieval."),
                new Chunk(3, "Table 2", "Table 2: Recall and cost of three settings.\nSetting | Recall | Cost\n"
                        + "Dense reranker | 56.1 | 30.3\nSparse filter | 83.2 | 43.3"),
                new Chunk(3, "3 Experiments", "The sparse filter recalls most.")), chunks);
        assertTrue(QuoteMatcher.occursIn("Sparse filter | 83.2 | 43.3", chunks.get(1).text()));

        // As a PDF gives it: rows of numbers above a caption set on two lines.
        List<Page> pdf = List.of(new Page(5, "4 Results\nOur model improves on every task we tried and\n"
                + "Method PopQA Bio ARC\nCRAG 59.8 74.1 68.6\nOurs 61.2 80.0 70.1\nTable 3: Results on three tasks "
                + "with retrieval\nfrom the same corpus.\nThe gains hold across seeds."));
        chunks = new Chunker(180).pageChunks(pdf, true);
        assertEquals(List.of("4 Results", "Table 3", "4 Results"), chunks.stream().map(Chunk::section).toList(),
                chunks.toString());
        assertEquals("CRAG 59.8 74.1 68.6\nOurs 61.2 80.0 70.1\nTable 3: Results on three tasks with retrieval\n"
                + "from the same corpus.", chunks.get(1).text());
    }

    @Test
    void anHtmlRenderingFoundInThePdfIsCitedByPage() {
        PaperFetched gpqa = FixturePapers.gpqaFullText("2023-11-20");
        PaperFetched html = new PaperFetched(gpqa.schemaVersion(), gpqa.issueId(), gpqa.paperKey(), gpqa.revision(),
                gpqa.model(), gpqa.paperVersion(), gpqa.metadata(), gpqa.contentLevel(),
                new org.paperdigest.events.FullText("html", "https://arxiv.org/html/2311.12022v1",
                        List.of(new Page(2, "1 Introduction\n\nExperts reach 65% accuracy.")), false, true),
                gpqa.notes(), gpqa.sourceUrls(), gpqa.fetchedAt());
        assertEquals(List.of(new Chunk(2, "1 Introduction", "Experts reach 65% accuracy.")),
                new Chunker(180).chunks(html));
    }

    @Test
    void recognisesHeadingsButNotSentencesOrAffiliations() {
        assertTrue(Chunker.isHeading("2.1 The Collection Pipeline"));
        assertTrue(Chunker.isHeading("A.5.2 Expert Validation"));
        assertTrue(Chunker.isHeading("References"));
        assertFalse(Chunker.isHeading("1 New York University 2 Cohere 3 Anthropic, PBC"));
        assertFalse(Chunker.isHeading("2 We collect questions from experts."));
        assertFalse(Chunker.isHeading("A Graduate-Level Benchmark"));
        assertFalse(Chunker.isHeading("1 https://www.upwork.com/"));
    }
}

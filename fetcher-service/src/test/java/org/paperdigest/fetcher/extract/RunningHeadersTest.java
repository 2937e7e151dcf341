package org.paperdigest.fetcher.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.paperdigest.fetcher.Fixtures;

class RunningHeadersTest {

    @Test
    void removesAHeaderAndPageNumbersRepeatedOnEveryPage() {
        List<List<String>> pages = IntStream.rangeClosed(1, 4).mapToObj(n -> List.of(
                "Published as a conference paper at ICLR 2024", body(n, "opens"), body(n, "goes on"),
                body(n, "closes"), Integer.toString(n))).toList();
        List<List<String>> kept = RunningHeaders.remove(pages);
        for (int n = 1; n <= 4; n++) {
            assertEquals(List.of(body(n, "opens"), body(n, "goes on"), body(n, "closes")), kept.get(n - 1));
        }
    }

    @Test
    void digitsMayChangeFromPageToPage() {
        List<List<String>> pages = IntStream.rangeClosed(1, 3).mapToObj(n -> List.of(
                "Page " + n + " of 12", body(n, "opens"), body(n, "closes"), "Report 2023-" + (n * 7))).toList();
        List<List<String>> kept = RunningHeaders.remove(pages);
        for (int n = 1; n <= 3; n++) {
            assertEquals(List.of(body(n, "opens"), body(n, "closes")), kept.get(n - 1));
        }
    }

    @Test
    void keepsALineThatAppearsOnceOrAwayFromTheTopAndBottom() {
        List<List<String>> pages = List.of(
                List.of("Preprint.", "arXiv:2310.11511v1 [cs.CL] 17 Oct 2023", "Intro", "a", "b", "c"),
                List.of("Preprint.", "Method", "Preprint.", "d", "e", "f"),
                List.of("Preprint.", "Results", "g", "h", "i", "j"));
        assertEquals(List.of(
                List.of("arXiv:2310.11511v1 [cs.CL] 17 Oct 2023", "Intro", "a", "b", "c"),
                List.of("Method", "Preprint.", "d", "e", "f"),
                List.of("Results", "g", "h", "i", "j")), RunningHeaders.remove(pages));
    }

    @Test
    void aRunningLineMustEndAThirdOfThePagesAndAtLeastThree() {
        // Nine pages: "Instructions" opens three of them (a third: removed), "Input" two (kept).
        List<List<String>> pages = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            String first = n <= 3 ? "Instructions" : n <= 5 ? "Input" : body(n, "opens");
            pages.add(List.of(first, body(n, "goes on"), body(n, "goes further"), body(n, "closes")));
        }
        List<List<String>> kept = RunningHeaders.remove(pages);
        for (int n = 1; n <= 9; n++) {
            List<String> rest = List.of(body(n, "goes on"), body(n, "goes further"), body(n, "closes"));
            assertEquals(n <= 3 ? rest : pages.get(n - 1), kept.get(n - 1), "page " + n);
        }
        // On two pages nothing repeats often enough.
        List<List<String>> two = List.of(List.of("Head", body(1, "is")), List.of("Head", body(2, "is")));
        assertEquals(two, RunningHeaders.remove(two));
    }

    @Test
    void removesHeadsThatAlternateBetweenOddAndEvenPages() {
        List<List<String>> pages = new ArrayList<>();
        pages.add(List.of("A Title Page", "Abstract text", body(1, "opens"), body(1, "closes")));
        for (int n = 2; n <= 10; n++) {
            String head = n % 2 == 0 ? n + " A. Author et al." : "Short Title " + n;
            pages.add(List.of(head, body(n, "opens"), body(n, "goes on"), body(n, "closes")));
        }
        List<List<String>> kept = RunningHeaders.remove(pages);
        assertEquals(pages.get(0), kept.get(0));
        for (int n = 2; n <= 10; n++) {
            assertEquals(List.of(body(n, "opens"), body(n, "goes on"), body(n, "closes")), kept.get(n - 1));
        }
    }

    @Test
    void onTheFixturePdfsRemovesOnlyRunningHeadsAndPageNumbers() throws Exception {
        // Self-RAG v1 (one column) opens every page with "Preprint." and ends most with the page number.
        List<List<String>> selfRag = removedLines("pdf/2310.11511v1_self-rag.pdf");
        // GPQA (one column) has no running head; most pages end with their number.
        List<List<String>> gpqa = removedLines("pdf/2311.12022v1_gpqa.pdf");
        System.out.printf("Running lines removed: Self-RAG %d (\"Preprint.\" %d, page numbers %d), GPQA %d%n",
                count(selfRag), selfRag.stream().filter(lines -> lines.contains("Preprint.")).count(),
                count(selfRag) - 30, count(gpqa));
        for (int number = 1; number <= 30; number++) {
            List<String> removed = selfRag.get(number - 1);
            assertTrue(removed.contains("Preprint."), "page " + number);
            assertTrue(Set.of("Preprint.", Integer.toString(number)).containsAll(removed), "page " + number);
        }
        for (int number = 1; number <= 28; number++) {
            List<String> removed = gpqa.get(number - 1);
            assertTrue(List.of(Integer.toString(number)).containsAll(removed), "page " + number + ": " + removed);
        }
        // Measured: 30 heads and 29 page numbers on Self-RAG, 25 page numbers on GPQA. A page number is missed
        // where a figure's sideways labels come after it (Self-RAG page 9, GPQA pages 9 and 18); GPQA's page 1 has
        // none.
        assertTrue(count(selfRag) >= 57 && count(gpqa) >= 23, "too few page numbers found");
    }

    private static int count(List<List<String>> removed) {
        return removed.stream().mapToInt(List::size).sum();
    }

    /** The lines the detector removes from each page of a fixture as the extractor reads it. */
    private static List<List<String>> removedLines(String fixture) throws Exception {
        List<List<String>> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(Fixtures.bytes(fixture))) {
            for (int number = 1; number <= document.getNumberOfPages(); number++) {
                pages.add(PdfTextExtractor.readPage(document, number));
            }
        }
        List<List<String>> kept = RunningHeaders.remove(pages);
        List<List<String>> removed = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            List<String> left = new ArrayList<>(kept.get(i));
            List<String> gone = new ArrayList<>();
            for (String line : pages.get(i)) {
                if (!left.remove(line)) {
                    gone.add(line);
                }
            }
            removed.add(gone);
        }
        return removed;
    }

    /** A body line that differs from page to page even with its digits ignored, as real text does. */
    private static String body(int page, String verb) {
        return "The text of page " + "abcdefghijklmnop".charAt(page) + " " + verb + ".";
    }
}

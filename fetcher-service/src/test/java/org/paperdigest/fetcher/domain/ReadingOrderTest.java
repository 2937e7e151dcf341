package org.paperdigest.fetcher.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Page;

/**
 * Our text of each page against Poppler's {@code pdftotext} in its default reading-order mode (references committed
 * beside the PDFs): word coverage, the share of Poppler's words we have, and 4-gram adjacency, the share of
 * Poppler's word 4-grams that also stand in our text of the page. Interleaved columns keep the words but lose the
 * 4-grams (measured 0.52–0.61 on such pages); a page read in its order keeps both.
 */
class ReadingOrderTest {

    /** Words of two letters or more: numbers and one-letter math symbols have no single reading order. */
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    /** Poppler sets a small-caps word apart after its first letter ("S ELF -R AG" for SELF-RAG). */
    /** A compound's hyphen, which a line break may have taken away ("low-resource" broken as "low-" + "resource"). */
    private static final Pattern COMPOUND = Pattern.compile("(?<=\\p{L}) ?-(?=\\p{L})");
    private static final Pattern SMALL_CAPS = Pattern.compile("\\b(\\p{Lu}) (?=\\p{Lu}{2,}\\b)");
    /**
     * Floors every page must reach. Where our page reads in the source's order, Poppler's can still differ: it reads
     * a table column by column (we keep rows, so a reader can follow them), a figure's text boxes in its own order,
     * and a display equation or a footnote where its flow analysis puts them; the running head it keeps, we drop.
     * So the source order is held to 0.96 and Poppler's to less: measured, the built papers' pages are at 0.937 and
     * more against Poppler, the fixtures' at 0.737 and more (Self-RAG's pages of word tables), every page's words
     * all there (coverage 0.96 and more). The interleaved reading this replaced gave 0.80–0.91 on four of the
     * built papers' pages.
     */
    private static final double MIN_COVERAGE = 0.96;
    private static final double MIN_SOURCE_ORDER = 0.96;
    private static final double MIN_ADJACENCY_BUILT = 0.93;
    private static final double MIN_ADJACENCY_FIXTURE = 0.70;

    /**
     * A PDF, Poppler's text of it and, for the papers built from LaTeX sources, their LaTeXML rendering, whose text in
     * source order tells what the right reading order is where Poppler's differs from ours.
     */
    private record Document(String name, String pdf, String poppler, String rendering) {
    }

    /** Two-column papers built with pdflatex (layout/make.py) and the two single-column fixtures. */
    private static final List<Document> DOCUMENTS = List.of(
            new Document("layout/paper-a", "/layout/paper-a.pdf", "/layout/paper-a.pdftotext.txt",
                    "/layout/paper-a.html"),
            new Document("layout/paper-b", "/layout/paper-b.pdf", "/layout/paper-b.pdftotext.txt",
                    "/layout/paper-b.html"),
            new Document("gpqa", "/fixtures/pdf/2311.12022v1_gpqa.pdf",
                    "/fixtures/pdf/2311.12022v1_gpqa.poppler-reading-order.txt", null),
            new Document("self-rag", "/fixtures/pdf/2310.11511v1_self-rag.pdf",
                    "/fixtures/pdf/2310.11511v1_self-rag.poppler-reading-order.txt", null));

    @Test
    void everyPageReadsAsPopplerReadsIt() throws Exception {
        List<String> failures = new ArrayList<>();
        System.out.println("document          page  words  coverage  4-grams  adjacency  source-order");
        for (Document document : DOCUMENTS) {
            ExtractedText ours = new PdfTextExtractor(1_000_000).extract(resource(document.pdf()));
            String[] poppler = text(document.poppler()).split("\f");
            Set<String> source = document.rendering() == null ? null
                    : Agreement.grams(Agreement.words(Jsoup.parse(text(document.rendering())).body().text(), 0));
            assertEquals(ours.pageCount(), ours.pages().size(), document.name() + ": a page was left out");
            for (Page page : ours.pages()) {
                Agreement agreement = Agreement.of(page.text(), poppler[page.number() - 1], page.number());
                double order = source == null ? Double.NaN : Agreement.inOrder(page.text(), page.number(), source);
                System.out.printf("%-16s  %4d  %5d  %8.4f  %7d  %9.4f  %12.4f%n", document.name(), page.number(),
                        agreement.words, agreement.coverage, agreement.grams, agreement.adjacency, order);
                double minAdjacency = source == null ? MIN_ADJACENCY_FIXTURE : MIN_ADJACENCY_BUILT;
                if (agreement.coverage < MIN_COVERAGE || agreement.adjacency < minAdjacency
                        || order < MIN_SOURCE_ORDER) {
                    failures.add(document.name() + " page " + page.number() + ": " + agreement + ", source order "
                            + order);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theMeasureTellsInterleavedColumnsFromColumnOrder() {
        String columns = "the left column opens the paper with its first claim\nand goes on with a second one\n"
                + "the right column follows after it and adds a detail\nabout the method in a last line";
        String interleaved = "the left column opens the paper with its first claim\n"
                + "the right column follows after it and adds a detail\nand goes on with a second one\n"
                + "about the method in a last line";
        Agreement same = Agreement.of(columns, columns, 1);
        Agreement shuffled = Agreement.of(interleaved, columns, 1);
        assertEquals(1.0, same.adjacency);
        assertEquals(1.0, shuffled.coverage);
        assertTrue(shuffled.adjacency < 0.85, shuffled.toString());
    }

    /** Coverage and adjacency of our text of a page against Poppler's. */
    record Agreement(int words, double coverage, int grams, double adjacency) {

        static Agreement of(String ours, String poppler, int number) {
            List<String> ourWords = words(ours, number);
            List<String> theirWords = words(poppler, number);
            Set<String> theirs = new HashSet<>(theirWords);
            Set<String> found = new HashSet<>(ourWords);
            long covered = theirs.stream().filter(found::contains).count();
            Set<String> theirGrams = grams(theirWords);
            Set<String> ourGrams = grams(ourWords);
            long adjacent = theirGrams.stream().filter(ourGrams::contains).count();
            return new Agreement(theirs.size(), theirs.isEmpty() ? 1 : (double) covered / theirs.size(),
                    theirGrams.size(), theirGrams.isEmpty() ? 1 : (double) adjacent / theirGrams.size());
        }

        /** Words of a page in order, after the cleaning both texts get (hyphenated breaks joined). */
        static List<String> words(String text, int number) {
            String cleaned = PdfTextExtractor.clean(PdfTextExtractor.lines(Arrays.asList(text.split("\n"))), number);
            String joined = SMALL_CAPS.matcher(Normalizer.normalize(cleaned, Normalizer.Form.NFKC)).replaceAll("$1");
            joined = COMPOUND.matcher(joined).replaceAll("");
            Matcher m = WORD.matcher(joined.toLowerCase(Locale.ROOT));
            List<String> words = new ArrayList<>();
            while (m.find()) {
                words.add(m.group());
            }
            return words;
        }

        /** The share of our page's 4-grams that stand in the document's text in source order. */
        static double inOrder(String ours, int number, Set<String> source) {
            Set<String> grams = grams(words(ours, number));
            return grams.isEmpty() ? 1 : (double) grams.stream().filter(source::contains).count() / grams.size();
        }

        static Set<String> grams(List<String> words) {
            Set<String> grams = new HashSet<>();
            for (int i = 0; i + 4 <= words.size(); i++) {
                grams.add(String.join(" ", words.subList(i, i + 4)));
            }
            return grams;
        }
    }

    private static String text(String path) throws java.io.IOException {
        return new String(resource(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] resource(String path) throws java.io.IOException {
        try (var in = ReadingOrderTest.class.getResourceAsStream(path)) {
            assertTrue(in != null, "missing test resource " + path);
            return in.readAllBytes();
        }
    }
}

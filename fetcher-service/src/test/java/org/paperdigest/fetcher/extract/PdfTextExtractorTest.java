package org.paperdigest.fetcher.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Page;
import org.paperdigest.fetcher.Fixtures;

class PdfTextExtractorTest {

    private static final byte[] GPQA = Fixtures.bytes("pdf/2311.12022v1_gpqa.pdf");
    /** Poppler's pdftotext output for the same PDF, pages separated by form feeds. */
    private static final String[] POPPLER = Fixtures.text("pdf/2311.12022v1_gpqa.pdftotext.txt").split("\f");

    private static ExtractedText gpqa;

    @BeforeAll
    static void extract() throws Exception {
        gpqa = new PdfTextExtractor(400_000).extract(GPQA);
    }

    @Test
    void readsAll28PagesWithTheirNumbers() {
        assertEquals(28, gpqa.pageCount());
        assertEquals(IntStream.rangeClosed(1, 28).boxed().toList(), gpqa.pages().stream().map(Page::number).toList());
        assertFalse(gpqa.truncated());
        assertTrue(gpqa.notes().isEmpty(), gpqa.notes().toString());
        assertTrue(page(1).contains("GPQA: A Graduate-Level Google-Proof"), page(1));
        assertTrue(page(1).contains("We present GPQA, a challenging dataset of 448 multiple-choice questions"));
        assertTrue(page(11).contains("Related Work"));
    }

    @Test
    void dropsBarePageNumberLines() {
        // Pages 2-28 end with their number in Poppler's text (a footer); ours must not.
        for (int number = 2; number <= 28; number++) {
            String[] popplerLines = POPPLER[number - 1].strip().split("\n");
            assertEquals(Integer.toString(number), popplerLines[popplerLines.length - 1].strip());
            String[] ourLines = page(number).split("\n");
            assertFalse(ourLines[ourLines.length - 1].equals(Integer.toString(number)), "page " + number);
        }
    }

    /**
     * Share of Poppler's words (3+ letters, per page) that our text of the same page contains. Measured: 6087 of
     * 6097 (0.998) for this PDF; the misses are words Poppler leaves hyphenated across lines, which we join. The
     * same measure against the neighbouring page gives 0.28, so it does tell pages apart. 0.98 leaves
     * room for harmless PDFBox changes yet fails when a page is lost or shifted, or when words run together.
     */
    @Test
    void containsNearlyAllWordsPopplerFindsOnTheSamePage() {
        double share = share(0);
        double shifted = share(1);
        System.out.printf("GPQA: share of Poppler words on the same page %.4f, on the next page %.4f%n", share, shifted);
        assertTrue(share >= 0.98, "share " + share);
        assertTrue(shifted < 0.8, "the measure does not tell pages apart: " + shifted);
    }

    /** Poppler's page n against our page n + offset. */
    private static double share(int offset) {
        int found = 0;
        int total = 0;
        for (int number = 1; number + offset <= 28; number++) {
            Set<String> ours = words(page(number + offset));
            Set<String> theirs = words(POPPLER[number - 1]);
            total += theirs.size();
            for (String word : theirs) {
                if (ours.contains(word)) {
                    found++;
                }
            }
        }
        return (double) found / total;
    }

    @Test
    void normalisesLigatures() {
        String all = gpqa.pages().stream().map(Page::text).collect(Collectors.joining("\n"));
        assertTrue(String.join("", POPPLER).contains("diﬃcult"), "the PDF uses the ffi ligature");
        assertTrue(all.chars().noneMatch(c -> c >= 0xFB00 && c <= 0xFB06), "a ligature is left");
        assertTrue(all.contains("difficult"));
        assertTrue(all.contains("scientific"));
    }

    @Test
    void joinsWordsHyphenatedAcrossLines() {
        // Every word Poppler shows broken as "frag-\nment" (lower case both sides) appears whole in our text.
        Pattern broken = Pattern.compile("(\\p{L}+)-\\n\\s*(\\p{Ll}+)");
        int checked = 0;
        String all = gpqa.pages().stream().map(Page::text).collect(Collectors.joining("\n"));
        for (String page : POPPLER) {
            Matcher m = broken.matcher(Normalizer.normalize(page, Normalizer.Form.NFKC));
            while (m.find()) {
                String joined = m.group(1) + m.group(2);
                String kept = m.group(1) + "-" + m.group(2);
                assertTrue(all.contains(joined) || all.contains(kept), joined);
                checked++;
            }
        }
        assertTrue(checked >= 3, "only " + checked + " hyphenated breaks in the reference");
        assertFalse(all.matches("(?s).*\\p{Ll}-\\n\\p{Ll}.*"), "a hyphenated line break is left");
    }

    @Test
    void capsTheTotalWithANote() throws Exception {
        ExtractedText capped = new PdfTextExtractor(10_000).extract(GPQA);
        assertTrue(capped.truncated());
        assertTrue(capped.length() <= 10_000, "length " + capped.length());
        assertTrue(capped.length() > 9_000, "cut too early: " + capped.length());
        Page last = capped.pages().get(capped.pages().size() - 1);
        assertEquals(1, capped.notes().size());
        assertEquals("full text cut at 10000 characters: page " + last.number() + " is cut and pages "
                + (last.number() + 1) + "-28 are left out", capped.notes().get(0));
        assertEquals(gpqa.pages().subList(0, last.number() - 1), capped.pages().subList(0, last.number() - 1));
    }

    @Test
    void rejectsWhatIsNotAPdf() {
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> new PdfTextExtractor(1000).extract("<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("not a readable PDF"), e.getMessage());
        byte[] truncated = Arrays.copyOf(GPQA, 2000);
        assertThrows(UnreadableDocumentException.class, () -> new PdfTextExtractor(1000).extract(truncated));
    }

    @Test
    void cleansAPage() {
        String raw = "3\nThe experi-\nments show state-of-the-\nart results with ﬁne-tuning and ﬂows.\n"
                + "Table   2   lists\n\n17\n";
        assertEquals("The experiments show state-of-the-art results with fine-tuning and flows.\nTable 2 lists",
                clean(raw, 3));
        // A number at the top that is not the page number is content (e.g. a chart axis), and is kept.
        assertEquals("50\nAccuracy", clean("50\nAccuracy\n17", 17));
        // A hyphen before an upper-case continuation is a real hyphen.
        assertEquals("GPT-\nBased", clean("GPT-\nBased", 1));
    }

    @Test
    void readsATwoColumnPageColumnByColumn() throws Exception {
        byte[] pdf = TwoColumnPdf.build();
        // The built page does interleave the columns when read by position alone.
        String byPosition = TwoColumnPdf.textByPosition(pdf);
        assertTrue(byPosition.contains(TwoColumnPdf.LEFT[0] + " " + TwoColumnPdf.RIGHT[0]), byPosition);

        ExtractedText text = new PdfTextExtractor(10_000).extract(pdf);
        assertEquals(String.join("\n", TwoColumnPdf.TITLE,
                "The left column opens the paper and",
                "states its first claim. Its second",
                "sentence splits a word across experiments. Its third sentence",
                "closes the left column.",
                "The right column follows after it",
                "and states the second claim. Its",
                "second sentence adds a detail about",
                "the method. Its third sentence closes",
                "the right column.",
                TwoColumnPdf.CLOSING), text.pages().get(0).text());
    }

    @Test
    void removesSelfRagsRunningHeadButKeepsTheWordInTheText() throws Exception {
        // Every page of Self-RAG v1 opens with the running head "Preprint." in PDFBox's text.
        ExtractedText selfRag = new PdfTextExtractor(400_000).extract(Fixtures.bytes("pdf/2310.11511v1_self-rag.pdf"));
        assertEquals(30, selfRag.pages().size());
        for (Page page : selfRag.pages()) {
            assertFalse(page.text().lines().anyMatch(line -> line.equals("Preprint.")), "page " + page.number());
        }
        String all = selfRag.pages().stream().map(Page::text).collect(Collectors.joining("\n"));
        assertTrue(all.contains("arXiv preprint arXiv:2305.14387"), "a mention of preprint in the text is kept");
        // A word that opens only a few pages is not a running head.
        for (int number = 26; number <= 30; number++) {
            assertTrue(selfRag.pages().get(number - 1).text().startsWith("Instructions\n"), "page " + number);
        }
    }

    private static String clean(String raw, int number) {
        return PdfTextExtractor.clean(PdfTextExtractor.lines(Arrays.asList(raw.split("\n"))), number);
    }

    private static String page(int number) {
        return gpqa.pages().get(number - 1).text();
    }

    private static Set<String> words(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return new HashSet<>(Arrays.stream(normal.split("[^\\p{L}]+")).filter(w -> w.length() >= 3).toList());
    }
}

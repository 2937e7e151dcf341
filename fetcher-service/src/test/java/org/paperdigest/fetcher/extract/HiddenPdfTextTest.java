package org.paperdigest.fetcher.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.paperdigest.events.FlaggedPassage;
import org.paperdigest.events.Page;
import org.paperdigest.fetcher.Fixtures;

/**
 * Papers that hide a prompt from their readers (test-support {@code arxiv-src/hidden-prompts}: white text, a 1 pt
 * font, invisible rendering mode, text beyond the page's edge, text painted over): each planted line is left out of
 * the text and recorded with its page and how it is hidden, and the words a reader sees are all still there.
 */
class HiddenPdfTextTest {

    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

    @ParameterizedTest
    @ValueSource(strings = {"hidden-white", "hidden-tiny", "hidden-invisible", "hidden-offpage", "hidden-covered"})
    void leavesOutAndRecordsEveryPlantedLine(String name) throws Exception {
        ExtractedText text = new PdfTextExtractor(400_000).extract(Fixtures.bytes("pdf/" + name + ".pdf"));
        List<String[]> planted = Fixtures.text("arxiv-src/hidden-prompts/" + name + ".planted.tsv").lines()
                .map(line -> line.split("\t")).toList();
        String all = letters(text.pages().stream().map(Page::text).collect(Collectors.joining(" ")));
        int found = 0;
        for (String[] line : planted) {
            int page = Integer.parseInt(line[0]);
            FlaggedPassage.Kind kind = kind(line[1]);
            String prompt = letters(line[2]);
            String recorded = letters(text.hidden().stream()
                    .filter(passage -> passage.page() == page && passage.kind() == kind)
                    .map(FlaggedPassage::text).collect(Collectors.joining(" ")));
            found += recorded.contains(prompt) ? 1 : 0;
            assertFalse(all.contains(prompt.substring(0, 30)), name + ": the text keeps " + line[2]);
        }
        double coverage = coverage(Fixtures.text("arxiv-src/hidden-prompts/visible.pdftotext.txt"), text);
        System.out.printf("%s: hidden lines found %d / planted %d; words of the visible copy kept %.4f; recorded %s%n",
                name, found, planted.size(), coverage, text.hidden());
        assertEquals(planted.size(), found, name + ": " + text.hidden());
        assertTrue(coverage >= 0.99, name + ": coverage " + coverage);
        if (name.equals("hidden-white")) {
            assertTrue(all.contains(letters("Panel legend printed in white on black")),
                    "white text on a black box is seen by every reader");
        }
    }

    /**
     * Real papers hide no prose: white labels on coloured boxes and figure text stay in the text. GPQA's one finding
     * is true: its Figure 1, a screenshot set as vector text, has a button label "Edit" clipped at x = -22 pt, left of
     * the page's edge.
     */
    @ParameterizedTest
    @CsvSource({"2311.12022v1_gpqa,Edit", "2310.11511v1_self-rag,", "2412.99999v1_term-graph-expansion,"})
    void findsNoHiddenProseInRealPapers(String name, String expected) throws Exception {
        ExtractedText text = new PdfTextExtractor(400_000).extract(Fixtures.bytes("pdf/" + name + ".pdf"));
        System.out.printf("%s: %d hidden passages recorded %s%n", name, text.hidden().size(), text.hidden());
        assertEquals(expected == null ? List.of() : List.of(expected),
                text.hidden().stream().map(FlaggedPassage::text).toList(), name);
    }

    /** Share of the words (3+ letters, with their counts) of Poppler's text of the visible copy in our text. */
    private static double coverage(String visible, ExtractedText text) {
        Map<String, Integer> ours = counts(text.pages().stream().map(Page::text).collect(Collectors.joining(" ")));
        Map<String, Integer> theirs = counts(visible);
        int total = theirs.values().stream().mapToInt(Integer::intValue).sum();
        int kept = theirs.entrySet().stream().mapToInt(e -> Math.min(e.getValue(), ours.getOrDefault(e.getKey(), 0)))
                .sum();
        return (double) kept / total;
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = WORD.matcher(text.replaceAll("-\\s*\\n", "").toLowerCase(Locale.ROOT));
        while (m.find()) {
            counts.merge(m.group(), 1, Integer::sum);
        }
        return counts;
    }

    /** Only the letters, lower-cased: line breaks and hyphenation do not matter. */
    private static String letters(String text) {
        return text.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
    }

    private static FlaggedPassage.Kind kind(String name) {
        return FlaggedPassage.Kind.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

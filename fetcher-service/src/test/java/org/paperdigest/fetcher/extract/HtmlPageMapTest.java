package org.paperdigest.fetcher.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Page;

/**
 * The layout test papers exist in both renderings, built from the same LaTeX sources (layout/make.py): the PDF by
 * pdflatex, the HTML by LaTeXML as arXiv makes it. Their {@code .pages.tsv} says, from the labels pdflatex resolved,
 * on which pages each paragraph and caption starts and ends.
 */
class HtmlPageMapTest {

    private static final double MIN_RIGHT_PAGE = 0.95;

    @Test
    void mapsTheRenderingsBlocksToThePdfPagesTheyStandOn() throws Exception {
        for (String name : List.of("paper-a", "paper-b")) {
            ExtractedText html = new HtmlTextExtractor(400_000).extractArxivRendering(
                    HtmlTextExtractorTest.layoutPaper(name));
            ExtractedText pdf = new PdfTextExtractor(400_000).extract(resource(name + ".pdf"));
            HtmlPageMap.Mapped mapped = HtmlPageMap.map(html.pages().get(0), pdf.pages());

            List<String[]> truth = new String(resource(name + ".pages.tsv"), StandardCharsets.UTF_8).lines()
                    .map(line -> line.split("\t")).toList();
            int checked = 0;
            int right = 0;
            List<String> wrong = new ArrayList<>();
            for (Page page : mapped.pages()) {
                for (String block : page.text().split("\n\n")) {
                    List<String> words = HtmlPageMap.words(block);
                    for (String[] expected : truth) {
                        List<String> opening = HtmlPageMap.words(expected[0]);
                        if (Collections.indexOfSubList(words.subList(0, Math.min(words.size(), 12)), opening) < 0) {
                            continue;
                        }
                        checked++;
                        int from = Integer.parseInt(expected[1]);
                        int to = Integer.parseInt(expected[2]);
                        if (page.number() >= from && page.number() <= to) {
                            right++;
                        } else {
                            wrong.add(expected[0] + ": page " + page.number() + ", expected " + from + "-" + to);
                        }
                    }
                }
            }
            double share = (double) right / checked;
            System.out.printf("%s: %d HTML blocks, %d found in the PDF by their words (%.3f); %d of %d paragraphs and "
                    + "captions on the right page (%.3f)%n", name, mapped.blocks(), mapped.found(),
                    (double) mapped.found() / mapped.blocks(), right, checked, share);
            assertEquals(truth.size(), checked, name + ": a paragraph or caption of the source is missing");
            assertTrue(share >= MIN_RIGHT_PAGE, name + ": " + wrong);
            assertTrue(mapped.pages().stream().map(Page::number).distinct().count() >= 4, name + ": too few pages");
        }
    }

    @Test
    void aBlockWithoutWordsInThePdfTakesThePageBeforeIt() {
        List<Page> pdf = List.of(new Page(1, "An opening paragraph about retrieval quality."),
                new Page(2, "A second page about calibration of sparse evaluators."));
        Page html = new Page(1, "An opening paragraph about retrieval quality.\n\n$$x^2$$\n\n"
                + "A second page about calibration of sparse evaluators.\n\nNothing like this stands in the PDF.");
        HtmlPageMap.Mapped mapped = HtmlPageMap.map(html, pdf);
        assertEquals(List.of(new Page(1, "An opening paragraph about retrieval quality.\n\n$$x^2$$"),
                new Page(2, "A second page about calibration of sparse evaluators.\n\nNothing like this stands in the "
                        + "PDF.")), mapped.pages());
        assertEquals(4, mapped.blocks());
        assertEquals(2, mapped.found());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HtmlPageMapTest.class.getResourceAsStream("/layout/" + name)) {
            return in.readAllBytes();
        }
    }
}

package org.paperdigest.fetcher.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages drawn on US Letter: text from 72 to 540 points, columns 72-294 and 318-540, 10-point lines 12 apart. */
class PageLayoutTest {

    @Test
    void readsEachBandLeftColumnThenRightAroundAFullWidthFigure() {
        Page page = new Page()
                .line(72, 540, "A title across the whole width of the page")
                .gap(14)
                .columns("a", "b", 3)
                .gap(14)
                .line(150, 200, "Accuracy", 380, 440, "Steps")
                .line(72, 540, "Figure 1: a full-width caption splits the columns into two bands")
                .gap(14)
                .columns("c", "d", 2);
        assertEquals(List.of(
                "A title across the whole width of the page",
                "left a1 text goes on here", "left a2 text goes on here", "left a3 text goes on here",
                "right b1 text goes on here", "right b2 text goes on here", "right b3 text goes on here",
                "Accuracy Steps",
                "Figure 1: a full-width caption splits the columns into two bands",
                "left c1 text goes on here", "left c2 text goes on here",
                "right d1 text goes on here", "right d2 text goes on here"), PageLayout.readingOrder(page.lines));
    }

    @Test
    void readsTheColumnsOnPastAHeadingWhoseGapMeetsAGapInTheOtherColumn() {
        // The gap above "2 Method" meets whitespace in the right column (below a figure, say): the page is cut
        // across both columns there, but each column runs on below the cut.
        Page page = new Page()
                .line(72, 540, "A title across the whole width of the page")
                .gap(14)
                .columns("a", "b", 3)
                .gap(14)
                .line(72, 150, "2 Method")
                .columns("c", "d", 3);
        assertEquals(List.of("A title across the whole width of the page",
                "left a1 text goes on here", "left a2 text goes on here", "left a3 text goes on here", "2 Method",
                "left c1 text goes on here", "left c2 text goes on here", "left c3 text goes on here",
                "right b1 text goes on here", "right b2 text goes on here", "right b3 text goes on here",
                "right d1 text goes on here", "right d2 text goes on here", "right d3 text goes on here"),
                PageLayout.readingOrder(page.lines));
    }

    @Test
    void keepsATablesRowsWhoseCellsLeaveAGutter() {
        Page page = new Page().line(72, 540, "Body text runs across the whole width of the page.").gap(14);
        for (String model : List.of("Zero-Shot GPT-4", "Few-Shot GPT-4", "Zero-Shot CoT GPT-4", "GPT-4 search")) {
            page.line(114, 240, model, 366, 480, "0.2 0.2 0.0");
        }
        assertEquals(page.texts(), PageLayout.readingOrder(page.lines));
    }

    @Test
    void keepsATablesRowsWhoseCellsArePhrasesOfSeveralWords() {
        // A journal-abbreviation table as in MNRAS's guide: both sides have four words a row, but the names end
        // where they end, as no column of prose does.
        Page page = new Page().line(72, 540, "Table A1. Commands for abbreviated journal names.").gap(14);
        page.line(72, 150, "\\aap or \\astap A&A", 280, 380, "Astronomy and Astrophysics");
        page.line(72, 100, "\\aj AJ", 280, 370, "The Astronomical Journal");
        page.line(72, 160, "\\apjl or \\apjlett ApJ", 280, 400, "The Astrophysical Journal Letters");
        page.line(72, 260, "\\bac Bull. Astron. Inst. Czechoslovakia", 280, 530,
                "Bulletin of the Astronomical Institutes of Czechoslovakia");
        page.line(72, 190, "\\caa Chinese Astron. Astrophys.", 280, 420, "Chinese Astronomy and Astrophysics");
        assertEquals(page.texts(), PageLayout.readingOrder(page.lines));
    }

    @Test
    void readsAGridOfAuthorsBlockByBlockWithTheNamesOfARowFirst() {
        Page page = new Page().size(11)
                .line(90, 170, "Ada Lovelace", 260, 350, "Alan Turing", 430, 520, "Grace Hopper")
                .size(9)
                .line(80, 180, "Analytical Engines Ltd", 250, 360, "Bletchley Park", 420, 530, "Harvard University")
                .line(85, 175, "London, England", 255, 355, "Milton Keynes, UK", 425, 525, "Cambridge, MA, USA")
                .size(10).gap(14)
                .line(72, 540, "Abstract: a single column of body text runs from margin to margin below the authors.");
        assertEquals(List.of("Ada Lovelace", "Alan Turing", "Grace Hopper",
                "Analytical Engines Ltd", "London, England", "Bletchley Park", "Milton Keynes, UK",
                "Harvard University", "Cambridge, MA, USA",
                "Abstract: a single column of body text runs from margin to margin below the authors."),
                PageLayout.readingOrder(page.lines));
    }

    @Test
    void keepsTheRowsOfAGridItsCaptionCallsATable() {
        Page page = new Page().line(72, 540, "Table 3: Where each author worked, by year.").gap(4)
                .line(90, 170, "Ada Lovelace", 260, 350, "Analytical Engines", 430, 520, "London")
                .line(90, 170, "Alan Turing", 260, 350, "Bletchley Park", 430, 520, "Milton Keynes")
                .line(90, 170, "Grace Hopper", 260, 350, "Harvard University", 430, 520, "Cambridge");
        assertEquals(page.texts(), PageLayout.readingOrder(page.lines));
    }

    @Test
    void leavesASingleColumnAsItIs() {
        Page page = new Page()
                .line(72, 540, "One column of text runs from margin to margin.")
                .line(72, 130, "short line")
                .line(72, 540, "Another line of text runs from margin to margin.")
                .line(72, 540, "The last line runs from margin to margin too.");
        assertEquals(page.texts(), PageLayout.readingOrder(page.lines));
    }

    @Test
    void movesAFootnoteAtTheFootOfTheLeftColumnToTheEndOfThePageBeforeItsNumber() {
        Page page = new Page()
                .columns("a", "b", 3)
                .size(8).line(72, 294, "1Code and data: https://example.org/code", 318, 540, "right b4 text goes on")
                .size(10).gap(20).line(300, 312, "7");
        assertEquals(List.of(
                "left a1 text goes on here", "left a2 text goes on here", "left a3 text goes on here",
                "right b1 text goes on here", "right b2 text goes on here", "right b3 text goes on here",
                "right b4 text goes on", "1Code and data: https://example.org/code", "7"),
                PageLayout.readingOrder(page.lines));
    }

    @Test
    void readsTwoBoxesOfProseSideBySideBoxByBoxWhereNoGutterRunsBetweenThem() {
        Page page = new Page()
                .line(72, 330, "left box opens with a wide first line", 360, 540, "right box opens beside it here")
                .line(72, 300, "left box goes on below it", 360, 540, "right box goes on below too")
                .line(72, 250, "left box ends its text here", 280, 540, "right box ends reaching further left");
        assertEquals(List.of(
                "left box opens with a wide first line", "left box goes on below it", "left box ends its text here",
                "right box opens beside it here", "right box goes on below too",
                "right box ends reaching further left"), PageLayout.readingOrder(page.lines));
    }

    @Test
    void opensThePageWithAStampInTheLeftMarginAndPutsOtherSidewaysTextBesideWhatFollowsIt() {
        Page page = new Page()
                .line(72, 540, "The first line of the body text runs across the page.")
                .line(200, 230, "0.8")
                .line(200, 230, "0.6")
                .line(72, 540, "The last line of the body text runs across the page.");
        page.lines.add(new TextLine(List.of(new TextLine.Word("arXiv:2401.00001v1", 20, 32, 80, 400, 20)), false));
        page.lines.add(new TextLine(List.of(new TextLine.Word("Accuracy", 180, 190, 80, 100, 8)), false));
        assertEquals(List.of("arXiv:2401.00001v1", "The first line of the body text runs across the page.", "0.8",
                "Accuracy", "0.6", "The last line of the body text runs across the page."),
                PageLayout.readingOrder(page.lines));
    }

    /** Lines drawn top to bottom; words 3 points apart fill each given span. */
    private static final class Page {
        final List<TextLine> lines = new ArrayList<>();
        float baseline = 72;
        float size = 10;

        Page gap(float extra) {
            baseline += extra;
            return this;
        }

        Page size(float points) {
            size = points;
            return this;
        }

        Page line(float from, float to, String text) {
            return add(words(from, to, text, size));
        }

        /** {@code rows} lines of two columns: "left a1 text goes on here" beside "right b1 text goes on here", …. */
        Page columns(String left, String right, int rows) {
            for (int n = 1; n <= rows; n++) {
                line(72, 294, "left " + left + n + " text goes on here", 318, 540,
                        "right " + right + n + " text goes on here");
            }
            return this;
        }

        /** Three cells of a row, all in the current size. */
        Page line(float aFrom, float aTo, String a, float bFrom, float bTo, String b, float cFrom, float cTo,
                String c) {
            List<TextLine.Word> words = new ArrayList<>(words(aFrom, aTo, a, size));
            words.addAll(words(bFrom, bTo, b, size));
            words.addAll(words(cFrom, cTo, c, size));
            return add(words);
        }

        Page line(float leftFrom, float leftTo, String left, float rightFrom, float rightTo, String right) {
            List<TextLine.Word> words = new ArrayList<>(words(leftFrom, leftTo, left, size));
            // The right column stays in body size: a footnote is set in the left column only.
            words.addAll(words(rightFrom, rightTo, right, 10));
            return add(words);
        }

        List<String> texts() {
            return lines.stream().map(TextLine::text).toList();
        }

        private Page add(List<TextLine.Word> words) {
            baseline += 12;
            lines.add(new TextLine(words, true));
            return this;
        }

        private List<TextLine.Word> words(float from, float to, String text, float points) {
            String[] split = text.split(" ");
            float width = (to - from - 3 * (split.length - 1)) / split.length;
            List<TextLine.Word> words = new ArrayList<>();
            for (int i = 0; i < split.length; i++) {
                float left = from + i * (width + 3);
                words.add(new TextLine.Word(split[i], left, left + width, baseline + 12 - 0.7f * points,
                        baseline + 12, points));
            }
            return words;
        }
    }
}

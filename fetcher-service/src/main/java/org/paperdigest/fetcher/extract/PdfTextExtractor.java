package org.paperdigest.fetcher.extract;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceRGBColor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.paperdigest.events.FlaggedPassage;
import org.paperdigest.events.FlaggedPassage.Kind;
import org.paperdigest.events.Page;

/**
 * Extracts a PDF's text page by page with PDFBox, so every quote taken from it can name its page.
 *
 * <p>Each page is read on its own: a page PDFBox cannot read is left out with a note and the paper keeps the rest.
 * Each page is read in the order of its layout ({@link PageLayout}): two columns column by column, around full-width floats. The text is normalised for matching quotes
 * later: NFKC (ligatures such as ﬁ and ﬂ become fi and fl), running headers and footers removed
 * ({@link RunningHeaders}), words hyphenated across a line break joined, bare page-number lines dropped, runs of
 * spaces collapsed. Text no reader sees ({@link GlyphVisibility}) is left out and kept apart, by page. The total is
 * capped; a note says where the cap cut.
 */
public class PdfTextExtractor {

    private static final Pattern SPACES = Pattern.compile("[ \\t]+");
    private static final Pattern BARE_NUMBER = Pattern.compile("^\\d{1,4}$");
    /** A line ending in a letter and a hyphen, i.e. a word broken across lines. */
    private static final Pattern BROKEN_WORD = Pattern.compile("(\\S*)(?<=\\p{L})-$");
    private static final Pattern STARTS_LOWERCASE = Pattern.compile("^\\p{Ll}");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

    private final int maxChars;

    public PdfTextExtractor(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive");
        }
        this.maxChars = maxChars;
    }

    public ExtractedText extract(byte[] pdf) throws UnreadableDocumentException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pageCount = document.getNumberOfPages();
            if (pageCount == 0) {
                throw new UnreadableDocumentException("the PDF has no pages");
            }
            List<Integer> numbers = new ArrayList<>();
            List<List<String>> read = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            List<FlaggedPassage> hidden = new ArrayList<>();
            for (int number = 1; number <= pageCount; number++) {
                try {
                    read.add(readPage(document, number, hidden));
                    numbers.add(number);
                } catch (IOException | RuntimeException e) {
                    notes.add("page " + number + " could not be read and is left out: " + e);
                }
            }
            // Running headers are found across all pages, so every page is read before any is cleaned.
            List<List<String>> kept = RunningHeaders.remove(read);
            List<Page> pages = new ArrayList<>();
            int used = 0;
            boolean truncated = false;
            for (int i = 0; i < kept.size(); i++) {
                int number = numbers.get(i);
                String text = clean(kept.get(i), number);
                if (used + text.length() > maxChars) {
                    String cut = cutAtWhitespace(text, maxChars - used);
                    if (!cut.isEmpty()) {
                        pages.add(new Page(number, cut));
                    }
                    truncated = true;
                    notes.add("full text cut at " + maxChars + " characters: page " + number + " is cut"
                            + (number < pageCount ? " and pages " + (number + 1) + "-" + pageCount + " are left out"
                                    : ""));
                    break;
                }
                used += text.length();
                pages.add(new Page(number, text));
            }
            if (pages.stream().allMatch(page -> page.text().isBlank())) {
                throw new UnreadableDocumentException("the PDF has no extractable text in its " + pageCount
                        + " pages (scanned images?)");
            }
            return new ExtractedText(pages, pageCount, truncated, notes, hidden);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("the PDF is password-protected", e);
        } catch (IOException e) {
            throw new UnreadableDocumentException("not a readable PDF: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // PDFBox reports some malformed files with unchecked exceptions.
            throw new UnreadableDocumentException("not a readable PDF: " + e, e);
        }
    }

    /** One page's normalised lines in reading order. */
    static List<String> readPage(PDDocument document, int number) throws IOException {
        return readPage(document, number, new ArrayList<>());
    }

    /** One page's normalised lines in reading order, without the text no reader sees, which goes to {@code hidden}. */
    static List<String> readPage(PDDocument document, int number, List<FlaggedPassage> hidden) throws IOException {
        LineCollector collector = new LineCollector(number);
        collector.getText(document);
        hidden.addAll(collector.hidden.passages);
        return lines(PageLayout.readingOrder(collector.lines));
    }

    /** One page's lines, NFKC-normalised (ligatures such as ﬁ become fi), spaces collapsed, blank lines dropped. */
    static List<String> lines(List<String> raw) {
        List<String> lines = new ArrayList<>();
        for (String line : raw) {
            String normal = Normalizer.normalize(line, Normalizer.Form.NFKC).replace("\u00AD", "");
            String collapsed = SPACES.matcher(normal).replaceAll(" ").strip();
            if (!collapsed.isEmpty()) {
                lines.add(collapsed);
            }
        }
        return lines;
    }

    /**
     * One page's text from its normalised lines; {@code number} tells a page-number line from a number in the
     * text.
     */
    static String clean(List<String> pageLines, int number) {
        List<String> lines = new ArrayList<>(pageLines);
        dropPageNumbers(lines, number);
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            while (i + 1 < lines.size() && endsWithBrokenWord(line) && STARTS_LOWERCASE.matcher(lines.get(i + 1))
                    .find()) {
                line = joinBrokenWord(line, lines.get(++i));
            }
            joined.add(line);
        }
        return String.join("\n", joined);
    }

    /** The last line if it is a bare number (a footer), the first if it is this page's number (a header). */
    private static void dropPageNumbers(List<String> lines, int number) {
        if (!lines.isEmpty() && BARE_NUMBER.matcher(lines.get(lines.size() - 1)).matches()) {
            lines.remove(lines.size() - 1);
        }
        if (!lines.isEmpty() && lines.get(0).equals(Integer.toString(number))) {
            lines.remove(0);
        }
    }

    private static boolean endsWithBrokenWord(String line) {
        return BROKEN_WORD.matcher(line).find();
    }

    /**
     * {@code experi-} + {@code ments} → {@code experiments}; a compound already holding a hyphen keeps it
     * ({@code state-of-the-} + {@code art} → {@code state-of-the-art}).
     */
    private static String joinBrokenWord(String line, String next) {
        var m = BROKEN_WORD.matcher(line);
        m.find();
        String fragment = m.group(1);
        String head = line.substring(0, line.length() - 1);
        boolean compound = fragment.contains("-");
        return (compound ? head + "-" : head) + next;
    }

    private static String cutAtWhitespace(String text, int budget) {
        if (budget <= 0) {
            return "";
        }
        if (text.length() <= budget) {
            return text;
        }
        int cut = text.lastIndexOf(' ', budget);
        int newline = text.lastIndexOf('\n', budget);
        int at = Math.max(cut, newline);
        return (at > budget / 2 ? text.substring(0, at) : text.substring(0, budget)).strip();
    }

    /**
     * Collects one page's lines as PDFBox assembles them, each word with its extent across the page, and apart from
     * them the runs of text no reader sees ({@link GlyphVisibility}).
     */
    private static final class LineCollector extends PDFTextStripper {

        private final int page;
        private final List<TextLine> lines = new ArrayList<>();
        private final List<TextLine.Word> words = new ArrayList<>();
        private final GlyphVisibility visibility = new GlyphVisibility();
        private final HiddenRuns hidden = new HiddenRuns();
        private boolean upright = true;

        LineCollector(int page) {
            this.page = page;
            // Reading order by position: several papers interleave text streams (headers, footnotes, floats).
            setSortByPosition(true);
            setStartPage(page);
            setEndPage(page);
            // The text's colour decides whether it stands out from its background.
            addOperator(new SetStrokingColorSpace(this));
            addOperator(new SetNonStrokingColorSpace(this));
            addOperator(new SetStrokingColor(this));
            addOperator(new SetNonStrokingColor(this));
            addOperator(new SetStrokingColorN(this));
            addOperator(new SetNonStrokingColorN(this));
            addOperator(new SetStrokingDeviceGrayColor(this));
            addOperator(new SetNonStrokingDeviceGrayColor(this));
            addOperator(new SetStrokingDeviceRGBColor(this));
            addOperator(new SetNonStrokingDeviceRGBColor(this));
            addOperator(new SetStrokingDeviceCMYKColor(this));
            addOperator(new SetNonStrokingDeviceCMYKColor(this));
        }

        @Override
        protected void startPage(PDPage current) throws IOException {
            visibility.startPage(current.getCropBox());
            super.startPage(current);
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            visibility.operator(operator, operands, getGraphicsState(), getResources());
            super.processOperator(operator, operands);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            visibility.glyph(text, getGraphicsState());
            super.processTextPosition(text);
        }

        /**
         * PDFBox hands over runs of text it did not split, spaces included: two boxes of a figure side by side can
         * come as one run. Each word of the run is kept with its own extent, so the whitespace between them shows.
         * A glyph no reader sees ends the word before it and goes to the hidden runs instead.
         */
        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            int start = 0;
            for (int i = 0; i <= positions.size(); i++) {
                TextPosition position = i < positions.size() ? positions.get(i) : null;
                boolean blank = position == null || position.getUnicode().isBlank();
                Kind kind = blank ? null : visibility.kind(position);
                if (blank || kind != null) {
                    if (i > start) {
                        words.add(word(positions.subList(start, i)));
                    }
                    start = i + 1;
                    if (kind != null) {
                        hidden.append(kind, position.getUnicode());
                    } else {
                        hidden.space();
                    }
                } else {
                    hidden.close();
                }
            }
        }

        @Override
        protected void writeWordSeparator() {
            hidden.space();
        }

        private TextLine.Word word(List<TextPosition> positions) {
            StringBuilder text = new StringBuilder();
            float left = Float.MAX_VALUE;
            float right = -Float.MAX_VALUE;
            float top = Float.MAX_VALUE;
            float bottom = -Float.MAX_VALUE;
            float[] sizes = new float[positions.size()];
            for (int i = 0; i < positions.size(); i++) {
                TextPosition position = positions.get(i);
                text.append(position.getUnicode());
                // Where it stands on the page even for sideways text, whose own direction runs up or down the page.
                boolean sideways = position.getDir() != 0;
                float x = sideways ? position.getX() : position.getXDirAdj();
                left = Math.min(left, x);
                right = Math.max(right, x + (sideways ? position.getHeightDir() : position.getWidthDirAdj()));
                top = Math.min(top, sideways ? position.getY() : position.getYDirAdj() - position.getHeightDir());
                bottom = Math.max(bottom, sideways ? position.getY() : position.getYDirAdj());
                sizes[i] = position.getFontSizeInPt();
                upright &= position.getDir() == 0;
            }
            Arrays.sort(sizes);
            return new TextLine.Word(text.toString(), left, right, top, bottom, sizes[sizes.length / 2]);
        }

        @Override
        protected void writeLineSeparator() {
            hidden.space();
            endLine();
        }

        @Override
        protected void endPage(PDPage current) {
            hidden.close();
            endLine();
        }

        private void endLine() {
            if (!words.isEmpty()) {
                lines.add(new TextLine(words, upright));
            }
            words.clear();
            upright = true;
        }
    
        /** Consecutive hidden glyphs of one kind, as passages of the page. */
        private final class HiddenRuns {

            private final List<FlaggedPassage> passages = new ArrayList<>();
            private final StringBuilder text = new StringBuilder();
            private Kind kind;
            private boolean spaced;

            void append(Kind glyphKind, String glyph) {
                if (glyphKind != kind) {
                    close();
                    kind = glyphKind;
                }
                if (spaced && !text.isEmpty()) {
                    text.append(' ');
                }
                spaced = false;
                text.append(glyph);
            }

            void space() {
                spaced = true;
            }

            void close() {
                String run = String.join(" ", lines(List.of(text.toString())));
                if (kind != null && LETTER_OR_DIGIT.matcher(run).find()) {
                    passages.add(new FlaggedPassage(page, null, run, kind, false));
                }
                kind = null;
                text.setLength(0);
                spaced = false;
            }
        }
    }
}

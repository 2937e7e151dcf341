package org.paperdigest.fetcher.domain;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.paperdigest.events.Page;

/**
 * Extracts a PDF's text page by page with PDFBox, so every quote taken from it can name its page.
 *
 * <p>Each page is read on its own: a page PDFBox cannot read is left out with a note and the paper keeps the rest.
 * The text is normalised for matching quotes later: NFKC (ligatures such as ﬁ and ﬂ become fi and fl), words
 * hyphenated across a line break joined, bare page-number lines dropped, runs of spaces collapsed. The total is
 * capped; a note says where the cap cut.
 */
public final class PdfTextExtractor {

    private static final Pattern SPACES = Pattern.compile("[ \\t]+");
    private static final Pattern BARE_NUMBER = Pattern.compile("^\\d{1,4}$");
    /** A line ending in a letter and a hyphen, i.e. a word broken across lines. */
    private static final Pattern BROKEN_WORD = Pattern.compile("(\\S*)(?<=\\p{L})-$");
    private static final Pattern STARTS_LOWERCASE = Pattern.compile("^\\p{Ll}");

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
            List<Page> pages = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            int used = 0;
            boolean truncated = false;
            for (int number = 1; number <= pageCount; number++) {
                String text;
                try {
                    text = clean(pageText(document, number), number);
                } catch (IOException | RuntimeException e) {
                    notes.add("page " + number + " could not be read and is left out: " + e);
                    continue;
                }
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
            return new ExtractedText(pages, pageCount, truncated, notes);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("the PDF is password-protected", e);
        } catch (IOException e) {
            throw new UnreadableDocumentException("not a readable PDF: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // PDFBox reports some malformed files with unchecked exceptions.
            throw new UnreadableDocumentException("not a readable PDF: " + e, e);
        }
    }

    private static String pageText(PDDocument document, int number) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        // Reading order by position: several papers interleave text streams (headers, footnotes, floats).
        stripper.setSortByPosition(true);
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        stripper.setLineSeparator("\n");
        stripper.setParagraphEnd("");
        return stripper.getText(document);
    }

    /** Normalises one page's raw text; {@code number} tells a page-number line from a number in the text. */
    static String clean(String raw, int number) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).replace("\u00AD", "");
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            lines.add(SPACES.matcher(line).replaceAll(" ").strip());
        }
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
        StringBuilder out = new StringBuilder();
        boolean blank = true;
        for (String line : joined) {
            if (line.isEmpty()) {
                if (!blank) {
                    out.append('\n');
                }
                blank = true;
                continue;
            }
            out.append(line).append('\n');
            blank = false;
        }
        return out.toString().strip();
    }

    /** The last line if it is a bare number (a footer), the first if it is this page's number (a header). */
    private static void dropPageNumbers(List<String> lines, int number) {
        lines.removeIf(String::isEmpty);
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
}

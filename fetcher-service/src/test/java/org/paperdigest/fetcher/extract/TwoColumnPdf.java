package org.paperdigest.fetcher.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Builds a one-page two-column PDF: a full-width title, two columns of five lines, a full-width closing line, in
 * 11-point Times with an 18-point gutter.
 * The content stream draws the columns' lines alternately, left then right at the same height, so neither
 * content-stream order nor a plain sort by position reads one column before the other.
 */
final class TwoColumnPdf {

    static final String TITLE = "A page built for this test: a full-width title above two columns of text";
    static final String[] LEFT = {
        "The left column opens the paper and",
        "states its first claim. Its second",
        "sentence splits a word across experi-",
        "ments. Its third sentence",
        "closes the left column."};
    static final String[] RIGHT = {
        "The right column follows after it",
        "and states the second claim. Its",
        "second sentence adds a detail about",
        "the method. Its third sentence closes",
        "the right column."};
    static final String CLOSING = "A closing line spans the width of the page below both of the columns.";

    private static final float LEFT_X = 72;
    /** Between the longest left-hand line and the right column, as in common paper templates. */
    private static final float GUTTER = 18;
    private static final float SIZE = 11;

    private TwoColumnPdf() {
    }

    static byte[] build() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            float leftWidth = 0;
            for (String line : LEFT) {
                leftWidth = Math.max(leftWidth, font.getStringWidth(line) / 1000 * SIZE);
            }
            float rightX = LEFT_X + leftWidth + GUTTER;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = 720;
                show(content, font, LEFT_X, y, TITLE);
                for (int i = 0; i < LEFT.length; i++) {
                    y -= 14;
                    show(content, font, LEFT_X, y, LEFT[i]);
                    show(content, font, rightX, y, RIGHT[i]);
                }
                show(content, font, LEFT_X, y - 28, CLOSING);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    /** The page's text as PDFBox gives it sorted by position, without any column handling. */
    static String textByPosition(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    private static void show(PDPageContentStream content, PDType1Font font, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, SIZE);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}

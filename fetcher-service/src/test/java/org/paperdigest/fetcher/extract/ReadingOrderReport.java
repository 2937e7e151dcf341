package org.paperdigest.fetcher.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.paperdigest.events.Page;

/**
 * Prints, for each PDF given, every page's word coverage and 4-gram adjacency of our text against Poppler's
 * {@code pdftotext} run on the same file, in its default reading-order mode, and the lowest of each. A report to
 * read for any paper, not a test: run by {@code dev/reading-order.sh}.
 */
public final class ReadingOrderReport {

    private ReadingOrderReport() {
    }

    public static void main(String[] args) throws Exception {
        PdfTextExtractor extractor = new PdfTextExtractor(Integer.MAX_VALUE);
        System.out.println("pdf                                   page  words  coverage  adjacency");
        for (String arg : args) {
            Path pdf = Path.of(arg);
            String[] poppler = pdftotext(pdf).split("\f");
            double lowestCoverage = 1;
            double lowestAdjacency = 1;
            int atTheBar = 0;
            ExtractedText ours = extractor.extract(Files.readAllBytes(pdf));
            for (Page page : ours.pages()) {
                String theirs = page.number() <= poppler.length ? poppler[page.number() - 1] : "";
                ReadingAgreement agreement = ReadingAgreement.of(page.text(), theirs, page.number());
                System.out.printf("%-36s  %4d  %5d  %8.4f  %9.4f%n", pdf.getFileName(), page.number(),
                        agreement.words(), agreement.coverage(), agreement.adjacency());
                lowestCoverage = Math.min(lowestCoverage, agreement.coverage());
                lowestAdjacency = Math.min(lowestAdjacency, agreement.adjacency());
                atTheBar += agreement.coverage() >= 0.98 && agreement.adjacency() >= 0.97 ? 1 : 0;
            }
            System.out.printf("%-36s  lowest coverage %.4f, lowest adjacency %.4f, %d of %d pages at 0.98/0.97%n",
                    pdf.getFileName(), lowestCoverage, lowestAdjacency, atTheBar, ours.pages().size());
        }
    }

    private static String pdftotext(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdftotext", pdf.toString(), "-")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] text = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IOException("pdftotext failed on " + pdf);
        }
        return new String(text, StandardCharsets.UTF_8);
    }
}

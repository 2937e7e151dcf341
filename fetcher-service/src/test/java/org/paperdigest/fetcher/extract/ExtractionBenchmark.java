package org.paperdigest.fetcher.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints, for each PDF given, how long our extraction takes beside Poppler's {@code pdftotext} on the same machine
 * (the median of several runs each, after warm-up runs of ours). A benchmark to read, not a test: run by
 * {@code dev/extraction-benchmark.sh}.
 */
public final class ExtractionBenchmark {

    private static final int WARM_UP = 3;
    private static final int RUNS = 5;

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PdfTextExtractor extractor = new PdfTextExtractor(400_000);
        System.out.println("pdf                                  pages   ours ms   pdftotext ms   ratio");
        for (String arg : args) {
            Path pdf = Path.of(arg);
            byte[] bytes = Files.readAllBytes(pdf);
            int pages = extractor.extract(bytes).pageCount();
            for (int i = 0; i < WARM_UP; i++) {
                extractor.extract(bytes);
            }
            long[] ours = new long[RUNS];
            long[] poppler = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                extractor.extract(bytes);
                ours[i] = System.nanoTime() - start;
                poppler[i] = pdftotext(pdf);
            }
            double oursMs = median(ours) / 1e6;
            double popplerMs = median(poppler) / 1e6;
            System.out.printf("%-36s %5d %9.1f %14.1f %7.1f%n", pdf.getFileName(), pages, oursMs, popplerMs,
                    oursMs / popplerMs);
        }
    }

    /** Nanoseconds one {@code pdftotext} run takes on the file, its output thrown away. */
    private static long pdftotext(Path pdf) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("pdftotext", pdf.toString(), "-").redirectOutput(
                ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (process.waitFor() != 0) {
            throw new IOException("pdftotext failed on " + pdf);
        }
        return System.nanoTime() - start;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

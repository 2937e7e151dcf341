package org.paperdigest.fetcher.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coverage and adjacency of our text of a page against Poppler's {@code pdftotext}: word coverage, the share of
 * Poppler's words we have, and 4-gram adjacency, the share of Poppler's word 4-grams that also stand in our text.
 * Interleaved columns keep the words but lose the 4-grams (measured 0.52–0.61 on such pages).
 */
record ReadingAgreement(int words, double coverage, int grams, double adjacency) {

    /** Words of two letters or more: numbers and one-letter math symbols have no single reading order. */
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    /** A compound's hyphen, which a line break may have taken away ("low-resource" broken as "low-" + "resource"). */
    private static final Pattern COMPOUND = Pattern.compile("(?<=\\p{L}) ?-(?=\\p{L})");
    /**
     * Poppler sets a small-caps word apart after its first letter ("S ELF -R AG" for SELF-RAG), and a word of
     * several small-caps parts after each of their first letters ("I S R EL" for ISREL).
     */
    private static final Pattern SMALL_CAPS = Pattern.compile("\\b(?:\\p{Lu} )+\\p{Lu}{2,}\\b");

    static ReadingAgreement of(String ours, String poppler, int number) {
        List<String> ourWords = words(ours, number);
        List<String> theirWords = words(poppler, number);
        Set<String> theirs = new HashSet<>(theirWords);
        Set<String> found = new HashSet<>(ourWords);
        long covered = theirs.stream().filter(found::contains).count();
        Set<String> theirGrams = grams(theirWords);
        Set<String> ourGrams = grams(ourWords);
        long adjacent = theirGrams.stream().filter(ourGrams::contains).count();
        return new ReadingAgreement(theirs.size(), theirs.isEmpty() ? 1 : (double) covered / theirs.size(),
                theirGrams.size(), theirGrams.isEmpty() ? 1 : (double) adjacent / theirGrams.size());
    }

    /** Words of a page in order, after the cleaning both texts get (hyphenated breaks joined). */
    static List<String> words(String text, int number) {
        String cleaned = PdfTextExtractor.clean(PdfTextExtractor.lines(Arrays.asList(text.split("\n"))), number);
        String joined = SMALL_CAPS.matcher(Normalizer.normalize(cleaned, Normalizer.Form.NFKC))
                .replaceAll(caps -> caps.group().replace(" ", ""));
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


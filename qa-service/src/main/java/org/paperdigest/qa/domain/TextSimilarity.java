package org.paperdigest.qa.domain;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lexical similarity of short texts in Japanese (character bigrams) and English (content words). */
public final class TextSimilarity {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    static final Set<String> STOPWORDS = Set.of("a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "is",
            "are", "was", "were", "be", "been", "by", "with", "as", "at", "from", "that", "this", "these", "those",
            "it", "its", "what", "which", "who", "whom", "how", "why", "when", "where", "do", "does", "did", "paper",
            "authors", "their", "they", "there", "can", "could", "would", "should", "will", "about", "into", "than",
            "such", "any", "some", "has", "have", "had", "not", "no", "so", "if", "we", "our", "you", "your");

    private TextSimilarity() {
    }

    /** NFKC, lower case, letters and digits only: the form both similarity measures read. */
    public static String fold(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    public static Set<String> bigrams(String text) {
        String f = fold(text);
        Set<String> grams = new HashSet<>();
        int[] cps = f.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        if (cps.length == 1) {
            grams.add(f);
        }
        return grams;
    }

    /** Dice coefficient of character bigrams: 1 for the same text, 0 for nothing in common. */
    public static double dice(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        Set<String> shared = new HashSet<>(x);
        shared.retainAll(y);
        return 2.0 * shared.size() / (x.size() + y.size());
    }

    /** Share of {@code part}'s bigrams that also occur in {@code whole}. */
    public static double containment(String part, String whole) {
        Set<String> x = bigrams(part);
        if (x.isEmpty()) {
            return 1;
        }
        Set<String> shared = new HashSet<>(x);
        shared.retainAll(bigrams(whole));
        return (double) shared.size() / x.size();
    }

    /** Jaccard similarity of the English content words (stopwords dropped). */
    public static double wordJaccard(String a, String b) {
        Set<String> x = contentWords(a);
        Set<String> y = contentWords(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        Set<String> shared = new HashSet<>(x);
        shared.retainAll(y);
        return (double) shared.size() / union.size();
    }

    /** Content words, crudely stemmed so that {@code contain} and {@code contained} count as one word. */
    public static Set<String> contentWords(String text) {
        Set<String> words = new HashSet<>();
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Matcher m = WORD.matcher(folded);
        while (m.find()) {
            if (!STOPWORDS.contains(m.group())) {
                words.add(stem(m.group()));
            }
        }
        return words;
    }

    static String stem(String word) {
        if (word.length() <= 4) {
            return word;
        }
        if (word.endsWith("ing")) {
            return word.substring(0, word.length() - 3);
        }
        if (word.endsWith("ed")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}

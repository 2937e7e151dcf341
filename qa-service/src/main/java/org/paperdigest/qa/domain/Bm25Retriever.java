package org.paperdigest.qa.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Ranks a paper's chunks for a question with Okapi BM25 over lower-cased word tokens. Plain lexical matching is
 * enough here: questions are asked in English for retrieval and papers repeat their own terms.
 */
public final class Bm25Retriever {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final List<Chunk> chunks;
    private final List<Map<String, Integer>> termFrequencies = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    public Bm25Retriever(List<Chunk> chunks) {
        this.chunks = List.copyOf(chunks);
        long totalLength = 0;
        for (Chunk chunk : chunks) {
            Map<String, Integer> tf = new HashMap<>();
            // The section heading is searchable too: "limitations" should find the text under "6 Limitations".
            List<String> tokens = tokens((chunk.section() == null ? "" : chunk.section() + " ") + chunk.text());
            tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
            tf.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
            termFrequencies.add(tf);
            totalLength += tokens.size();
        }
        averageLength = chunks.isEmpty() ? 0 : (double) totalLength / chunks.size();
    }

    /** The {@code k} best chunks for {@code query}, best first; ties keep reading order. */
    public List<Chunk> top(String query, int k) {
        List<String> terms = tokens(query).stream().distinct().toList();
        double[] scores = new double[chunks.size()];
        for (int i = 0; i < chunks.size(); i++) {
            scores[i] = score(terms, i);
        }
        return IntStream.range(0, chunks.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
                .limit(k)
                .map(chunks::get)
                .toList();
    }

    double score(List<String> terms, int chunk) {
        Map<String, Integer> tf = termFrequencies.get(chunk);
        int length = tf.values().stream().mapToInt(Integer::intValue).sum();
        double score = 0;
        for (String term : terms) {
            int f = tf.getOrDefault(term, 0);
            if (f == 0) {
                continue;
            }
            int df = documentFrequency.get(term);
            double idf = Math.log(1 + (chunks.size() - df + 0.5) / (df + 0.5));
            score += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * length / averageLength));
        }
        return score;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        while (m.find()) {
            String token = m.group();
            if (!TextSimilarity.STOPWORDS.contains(token)) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}

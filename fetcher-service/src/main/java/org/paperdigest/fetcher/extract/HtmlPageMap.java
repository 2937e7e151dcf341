package org.paperdigest.fetcher.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperdigest.events.Page;

/**
 * Finds the blocks of a paper's HTML rendering in its PDF, so that text read from the rendering can name the PDF
 * page each quote stands on. A block (a heading, a paragraph, a caption, a table row) goes to the page holding most
 * of its word trigrams; words are compared lower-cased, with compounds' hyphens dropped (a PDF line break may have
 * taken one) and the rendering's TeX math left out (the PDF sets it as glyphs). A block with no trigram in any page
 * (a formula, a one-word heading) takes the page of the block before it, as do ties, which go to the nearest page
 * from there.
 */
public final class HtmlPageMap {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern COMPOUND = Pattern.compile("(?<=\\p{L})-(?=\\p{L})");
    private static final Pattern TEX = Pattern.compile("\\$\\$.*?\\$\\$|\\$[^$]*\\$");
    private static final String BLOCK_BREAK = "\n\n";

    /**
     * The rendering's blocks found in a page each.
     *
     * @param pages the rendering's text regrouped as runs of blocks found on the same page, in the rendering's order
     * @param found how many blocks were found by their words (the rest took their neighbour's page)
     */
    public record Mapped(List<Page> pages, int blocks, int found) {
    }

    private HtmlPageMap() {
    }

    /** {@code html}'s one page of blocks, separated by blank lines, regrouped by the {@code pdf} page they stand on. */
    public static Mapped map(Page html, List<Page> pdf) {
        List<List<String>> pageWords = pdf.stream().map(page -> words(page.text())).toList();
        // Phrases of one, two and three words of each page: a block is matched by its trigrams, a shorter one whole.
        List<List<Set<String>>> pagePhrases = pageWords.stream()
                .map(words -> List.of(phrases(words, 1), phrases(words, 2), phrases(words, 3))).toList();
        List<Page> pages = new ArrayList<>();
        String[] blocks = html.text().split(BLOCK_BREAK);
        int previous = pdf.isEmpty() ? 1 : pdf.get(0).number();
        int found = 0;
        StringBuilder run = new StringBuilder();
        int runPage = previous;
        for (String block : blocks) {
            if (block.isBlank()) {
                continue;
            }
            List<String> words = words(block);
            int length = Math.min(3, words.size());
            Set<String> grams = length == 0 ? Set.of() : phrases(words, length);
            int best = -1;
            long bestHits = 0;
            for (int i = 0; i < pdf.size(); i++) {
                Set<String> page = length == 0 ? Set.of() : pagePhrases.get(i).get(length - 1);
                long hits = grams.stream().filter(page::contains).count();
                int number = pdf.get(i).number();
                boolean nearer = best >= 0 && Math.abs(number - previous) < Math.abs(best - previous);
                if (hits > bestHits || hits == bestHits && hits > 0 && nearer) {
                    best = number;
                    bestHits = hits;
                }
            }
            int page = best >= 0 ? best : previous;
            if (best >= 0) {
                found++;
            }
            if (page != runPage && run.length() > 0) {
                pages.add(new Page(runPage, run.toString()));
                run.setLength(0);
            }
            if (run.length() > 0) {
                run.append(BLOCK_BREAK);
            }
            run.append(block);
            runPage = page;
            previous = page;
        }
        if (run.length() > 0) {
            pages.add(new Page(runPage, run.toString()));
        }
        return new Mapped(pages, (int) java.util.Arrays.stream(blocks).filter(block -> !block.isBlank()).count(),
                found);
    }

    static List<String> words(String text) {
        String prose = TEX.matcher(text).replaceAll(" ");
        String normal = COMPOUND.matcher(Normalizer.normalize(prose, Normalizer.Form.NFKC)).replaceAll("");
        Matcher m = WORD.matcher(normal.toLowerCase(Locale.ROOT));
        List<String> words = new ArrayList<>();
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static Set<String> phrases(List<String> words, int length) {
        Set<String> phrases = new HashSet<>();
        for (int i = 0; i + length <= words.size(); i++) {
            phrases.add(String.join(" ", words.subList(i, i + length)));
        }
        return phrases;
    }
}

package org.paperdigest.summarizer.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the parts of an abstract a translation must return byte for byte: URLs, LaTeX math, and the paper's title
 * and short name (the part before the title's colon, e.g. {@code GAIA}) where the abstract uses them.
 */
public final class ProtectedSpans {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Pattern MATH = Pattern.compile(
            "\\$\\$.+?\\$\\$|\\$[^$\\s][^$]*?\\$|\\\\\\(.+?\\\\\\)|\\\\\\[.+?\\\\\\]", Pattern.DOTALL);
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"]}";
    private static final int LONGEST_SHORT_NAME = 40;

    private ProtectedSpans() {
    }

    /** The spans in order of first appearance, each once. Both inputs are expected whitespace-normalised. */
    public static List<String> find(String title, String abstractText) {
        List<Found> found = new ArrayList<>();
        Matcher url = URL.matcher(abstractText);
        while (url.find()) {
            found.add(new Found(url.start(), trimUrl(url.group())));
        }
        Matcher math = MATH.matcher(abstractText);
        while (math.find()) {
            found.add(new Found(math.start(), math.group()));
        }
        if (title != null && !title.isBlank()) {
            addIfUsed(found, abstractText, title);
            shortName(title).ifPresent(name -> addIfUsed(found, abstractText, name));
        }
        found.sort((a, b) -> Integer.compare(a.at(), b.at()));
        Set<String> spans = new LinkedHashSet<>();
        found.forEach(f -> spans.add(f.text()));
        return List.copyOf(spans);
    }

    private static void addIfUsed(List<Found> found, String abstractText, String name) {
        String wholeWord = "(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])";
        Matcher m = Pattern.compile(wholeWord).matcher(abstractText);
        if (m.find()) {
            found.add(new Found(m.start(), name));
        }
    }

    /** {@code GAIA: a benchmark for …} → {@code GAIA}; only a short prefix counts as a name. */
    static java.util.Optional<String> shortName(String title) {
        int colon = title.indexOf(':');
        if (colon <= 0) {
            return java.util.Optional.empty();
        }
        String name = title.substring(0, colon).strip();
        boolean isName = name.length() <= LONGEST_SHORT_NAME && name.split("\\s+").length <= 4;
        return isName ? java.util.Optional.of(name) : java.util.Optional.empty();
    }

    /** A URL ends before trailing sentence punctuation and before a closing bracket it did not open. */
    static String trimUrl(String url) {
        String u = url;
        while (!u.isEmpty()) {
            char last = u.charAt(u.length() - 1);
            boolean unbalancedParen = last == ')' && count(u, '(') < count(u, ')');
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0 || unbalancedParen) {
                u = u.substring(0, u.length() - 1);
            } else {
                break;
            }
        }
        return u;
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }

    private record Found(int at, String text) {
    }
}

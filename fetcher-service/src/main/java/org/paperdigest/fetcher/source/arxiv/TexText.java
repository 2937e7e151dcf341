package org.paperdigest.fetcher.source.arxiv;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as arXiv metadata writes it: TeX escapes in titles ({@code T\"ULU}, {@code 92\%}), hard-wrapped lines in
 * older answers.
 */
public final class TexText {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** {@code $...$} spans stay untouched: math is not display text to normalise. */
    private static final Pattern MATH = Pattern.compile("(?<!\\\\)\\$(?:[^$\\\\]|\\\\.)*\\$");
    /** {@code \"U}, {@code \"{U}}, {@code {\"U}}, {@code \'{e}}, {@code \v{s}}, {@code \c{c}}... */
    private static final Pattern ACCENT = Pattern.compile(
            "\\{?\\\\([\"'`^~=.]|[uvHckr](?=[{\\s]))\\s*(?:\\{\\s*(\\\\?[A-Za-z])\\s*\\}|(\\\\?[A-Za-z]))\\}?");
    private static final Pattern SYMBOL = Pattern.compile("\\\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])\\s?(\\{\\})?");
    private static final Pattern ESCAPED = Pattern.compile("\\\\([%&_#$])");
    private static final Pattern GROUP_BRACES = Pattern.compile("(?<!\\\\)[{}]");

    private static final Map<String, Character> COMBINING = Map.ofEntries(
            Map.entry("\"", '\u0308'), Map.entry("'", '\u0301'), Map.entry("`", '\u0300'),
            Map.entry("^", '\u0302'), Map.entry("~", '\u0303'), Map.entry("=", '\u0304'),
            Map.entry(".", '\u0307'), Map.entry("u", '\u0306'), Map.entry("v", '\u030C'),
            Map.entry("H", '\u030B'), Map.entry("c", '\u0327'), Map.entry("k", '\u0328'),
            Map.entry("r", '\u030A'));
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("ss", "ß"), Map.entry("ae", "æ"), Map.entry("AE", "Æ"), Map.entry("oe", "œ"),
            Map.entry("OE", "Œ"), Map.entry("aa", "å"), Map.entry("AA", "Å"), Map.entry("o", "ø"),
            Map.entry("O", "Ø"), Map.entry("l", "ł"), Map.entry("L", "Ł"), Map.entry("i", "ı"),
            Map.entry("j", "ȷ"));

    private TexText() {
    }

    /** Runs of whitespace (including the line breaks of hard-wrapped answers) become one space. */
    public static String collapseWhitespace(String text) {
        return text == null ? null : WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /**
     * A title for display: TeX accents become letters ({@code T\"ULU} → {@code TÜLU}), escaped specials become the
     * character ({@code \%} → {@code %}), grouping braces go; {@code $...$} math is kept as written.
     */
    public static String displayTitle(String title) {
        if (title == null) {
            return null;
        }
        String collapsed = collapseWhitespace(title);
        StringBuilder out = new StringBuilder();
        Matcher math = MATH.matcher(collapsed);
        int last = 0;
        while (math.find()) {
            out.append(normaliseText(collapsed.substring(last, math.start())));
            out.append(math.group());
            last = math.end();
        }
        out.append(normaliseText(collapsed.substring(last)));
        return Normalizer.normalize(collapseWhitespace(out.toString()), Normalizer.Form.NFC);
    }

    private static String normaliseText(String text) {
        String result = ACCENT.matcher(text).replaceAll(m -> {
            String letter = m.group(2) != null ? m.group(2) : m.group(3);
            if (letter.equals("\\i")) {
                letter = "i";
            } else if (letter.equals("\\j")) {
                letter = "j";
            } else if (letter.startsWith("\\")) {
                return Matcher.quoteReplacement(m.group());
            }
            return Matcher.quoteReplacement(letter + COMBINING.get(m.group(1)));
        });
        result = SYMBOL.matcher(result).replaceAll(m -> Matcher.quoteReplacement(SYMBOLS.get(m.group(1))));
        result = ESCAPED.matcher(result).replaceAll("$1");
        return GROUP_BRACES.matcher(result).replaceAll("");
    }
}

package org.paperdigest.qa.domain;

import java.text.Normalizer;

/**
 * Decides whether a quote occurs verbatim in a text. Only what PDF extraction disturbs is forgiven: whitespace and
 * line breaks, hyphens and dashes (a word split across lines, {@code GPT-4–based} against {@code GPT-4 based}),
 * ligatures and other compatibility forms, and curly against straight quotation marks. Every letter, digit and
 * other sign must match, in order and in case.
 */
public final class QuoteMatcher {

    private QuoteMatcher() {
    }

    public static boolean occursIn(String quote, String text) {
        String needle = key(trimQuote(quote));
        return !needle.isEmpty() && key(text).contains(needle);
    }

    /** The comparison form: compatibility-normalised, with whitespace and hyphen-like signs removed. */
    public static String key(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || isHyphen(cp) || cp == '\u00AD'
                    || Character.getType(cp) == Character.FORMAT) {
                return;
            }
            key.appendCodePoint(switch (cp) {
                case '‘', '’', '‚', '′' -> '\'';
                case '“', '”', '„', '″' -> '"';
                default -> cp;
            });
        });
        return key.toString();
    }

    /** Drops what a model puts around a quote: quotation marks, ellipses, surrounding whitespace. */
    public static String trimQuote(String quote) {
        if (quote == null) {
            return "";
        }
        String q = quote.strip();
        String previous;
        do {
            previous = q;
            q = q.replaceAll("^[\"'“”‘’「『]+|[\"'“”‘’」』]+$", "")
                    .replaceAll("^(\\.\\.\\.|…)\\s*|\\s*(\\.\\.\\.|…)$", "")
                    .strip();
        } while (!q.equals(previous));
        return q;
    }

    public static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static boolean isHyphen(int cp) {
        return cp == '-' || Character.getType(cp) == Character.DASH_PUNCTUATION || cp == '\u2212';
    }
}

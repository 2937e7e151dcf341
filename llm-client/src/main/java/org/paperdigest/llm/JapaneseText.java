package org.paperdigest.llm;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small measurements of Japanese text that the checks of model output need (summaries and answers alike). */
public final class JapaneseText {

    /** A number, unless a magnitude letter follows it ({@code 70B}, {@code 10k}), which a translation may rewrite. */
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z\\d.,])\\d++(?:[.,]\\d++)*+(?![kKmMbBtT]\\b)");

    private JapaneseText() {
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    public static boolean hasKana(String text) {
        return text.codePoints().anyMatch(JapaneseText::isKana);
    }

    /** Kana or kanji: a phrase in Japanese, though perhaps written in kanji alone (「評価方法」). */
    public static boolean hasJapanese(String text) {
        return text.codePoints().anyMatch(cp -> isKana(cp) || isHan(cp));
    }

    /** Share of letters in Japanese script (kana or kanji); Latin terms such as {@code LLM} count against it. */
    public static double japaneseShare(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (letters == 0) {
            return 0;
        }
        long japanese = text.codePoints().filter(cp -> isKana(cp) || isHan(cp)).count();
        return (double) japanese / letters;
    }

    /** The numbers written with digits, normalised: full-width digits folded, thousands separators dropped. */
    public static Set<String> numbers(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        Set<String> numbers = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(folded);
        while (m.find()) {
            numbers.add(m.group().replaceAll(",(?=\\d{3}(\\D|$))", ""));
        }
        return numbers;
    }

    private static boolean isKana(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && cp >= 0xFF66 && cp <= 0xFF9D;
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}

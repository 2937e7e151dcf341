package org.paperdigest.llm;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The numbers a text states, as values, so that an answer's numbers can be looked up in its sources however each
 * writes them: {@code 2つのモデル} against "two models", {@code 1回} against "a single forward pass", {@code 300万}
 * against "3 million". A digit inside a name is no number: {@code GPT-4} and {@code T5} never count, and a name with
 * a separate digit ({@code Orca 2}, {@code Llama 2}, {@code Qwen2.5-7B}) does not count where a source names it too.
 */
public final class NumberClaims {

    /** A number, unless it is glued to a name such as {@code GPT-4}, {@code Llama-2} or {@code T5}. */
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z\\d.,])(?<![A-Za-z]-)\\d++(?:[.,]\\d++)*+");
    /** What may follow a digit to scale it: English in the sources, Japanese units in the answers. */
    private static final Pattern SCALE = Pattern.compile("^\\s*(thousand|million|billion|trillion|[KMB](?![A-Za-z])|万|億|千)");
    /** A name with a digit in it, as models and datasets are named: {@code Orca 2}, {@code GPT-4o}, {@code Qwen2.5-7B}. */
    private static final Pattern NAME_WITH_DIGIT = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\p{N}.]*(?:[ -]?\\p{N}[\\p{L}\\p{N}.]*)(?:-[\\p{L}\\p{N}.]+)*");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern KANJI_NUMBER = Pattern.compile("([一二三四五六七八九])?十([一二三四五六七八九])?|[一二三四五六七八九百千]");
    private static final String KANJI_DIGITS = "一二三四五六七八九";
    private static final Map<String, List<Integer>> WORDS = Map.ofEntries(
            Map.entry("one", List.of(1)), Map.entry("two", List.of(2)), Map.entry("three", List.of(3)),
            Map.entry("four", List.of(4)), Map.entry("five", List.of(5)), Map.entry("six", List.of(6)),
            Map.entry("seven", List.of(7)), Map.entry("eight", List.of(8)), Map.entry("nine", List.of(9)),
            Map.entry("ten", List.of(10)), Map.entry("eleven", List.of(11)), Map.entry("twelve", List.of(12)),
            Map.entry("thirteen", List.of(13)), Map.entry("fourteen", List.of(14)), Map.entry("fifteen", List.of(15)),
            Map.entry("sixteen", List.of(16)), Map.entry("seventeen", List.of(17)), Map.entry("eighteen", List.of(18)),
            Map.entry("nineteen", List.of(19)), Map.entry("twenty", List.of(20)), Map.entry("thirty", List.of(30)),
            Map.entry("forty", List.of(40)), Map.entry("fifty", List.of(50)), Map.entry("hundred", List.of(100)),
            Map.entry("thousand", List.of(1000)), Map.entry("million", List.of(1_000_000)),
            Map.entry("billion", List.of(1_000_000_000)), Map.entry("dozen", List.of(12)),
            Map.entry("single", List.of(1)), Map.entry("once", List.of(1)), Map.entry("twice", List.of(2)),
            Map.entry("double", List.of(2)), Map.entry("triple", List.of(3)), Map.entry("half", List.of(2, 50)),
            Map.entry("first", List.of(1)), Map.entry("second", List.of(2)), Map.entry("third", List.of(3)),
            Map.entry("fourth", List.of(4)), Map.entry("fifth", List.of(5)), Map.entry("sixth", List.of(6)),
            Map.entry("seventh", List.of(7)), Map.entry("eighth", List.of(8)), Map.entry("ninth", List.of(9)),
            Map.entry("tenth", List.of(10)));

    private NumberClaims() {
    }

    /**
     * The numbers of {@code answer} that none of {@code sources} states, as the answer writes them. Names with a
     * digit that a source or one of {@code naming} (the title, say, which states no result) contains are taken out
     * of the answer first.
     */
    public static Set<String> unsupported(String answer, List<String> sources, List<String> naming) {
        String claimed = normalize(answer);
        Set<BigDecimal> stated = new LinkedHashSet<>();
        for (String source : sources) {
            stated.addAll(values(source));
        }
        for (String text : concat(sources, naming)) {
            Matcher name = NAME_WITH_DIGIT.matcher(normalize(text));
            while (name.find()) {
                claimed = claimed.replace(name.group(), " ");
            }
        }
        Set<String> unsupported = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(claimed);
        while (m.find()) {
            BigDecimal value = value(m.group());
            BigDecimal scaled = scaled(value, claimed.substring(m.end()));
            if (value != null && !stated.contains(value) && (scaled == null || !stated.contains(scaled))) {
                unsupported.add(m.group().replaceAll(",(?=\\d{3}(\\D|$))", ""));
            }
        }
        return unsupported;
    }

    /** The numbers {@code text} states, in digits or words, with their scaled values where a unit follows. */
    public static Set<BigDecimal> values(String text) {
        String t = normalize(text);
        Set<BigDecimal> values = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(t);
        while (m.find()) {
            BigDecimal value = value(m.group());
            if (value != null) {
                values.add(value);
                BigDecimal scaled = scaled(value, t.substring(m.end()));
                if (scaled != null) {
                    values.add(scaled);
                }
            }
        }
        Matcher word = WORD.matcher(t.toLowerCase(Locale.ROOT));
        while (word.find()) {
            WORDS.getOrDefault(word.group(), List.of()).forEach(n -> values.add(BigDecimal.valueOf(n)));
        }
        Matcher kanji = KANJI_NUMBER.matcher(t);
        while (kanji.find()) {
            values.add(BigDecimal.valueOf(kanjiValue(kanji)));
        }
        return values;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static int kanjiValue(Matcher m) {
        String whole = m.group();
        if (whole.equals("百")) {
            return 100;
        }
        if (whole.equals("千")) {
            return 1000;
        }
        if (!whole.contains("十")) {
            return KANJI_DIGITS.indexOf(whole) + 1;
        }
        int tens = m.group(1) == null ? 1 : KANJI_DIGITS.indexOf(m.group(1)) + 1;
        int ones = m.group(2) == null ? 0 : KANJI_DIGITS.indexOf(m.group(2)) + 1;
        return tens * 10 + ones;
    }

    private static BigDecimal scaled(BigDecimal value, String following) {
        Matcher unit = SCALE.matcher(following);
        if (value == null || !unit.find()) {
            return null;
        }
        long factor = switch (unit.group(1)) {
            case "thousand", "K", "千" -> 1_000L;
            case "万" -> 10_000L;
            case "million", "M" -> 1_000_000L;
            case "億" -> 100_000_000L;
            case "billion", "B" -> 1_000_000_000L;
            default -> 1_000_000_000_000L;
        };
        return value.multiply(BigDecimal.valueOf(factor)).stripTrailingZeros();
    }

    private static BigDecimal value(String number) {
        String plain = number.replaceAll(",(?=\\d{3}(\\D|$))", "");
        try {
            return new BigDecimal(plain.replace(',', '.')).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).replaceAll("\\s+", " ");
    }
}

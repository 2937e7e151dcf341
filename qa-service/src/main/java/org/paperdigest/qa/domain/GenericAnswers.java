package org.paperdigest.qa.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises answers that sound like answers but say nothing, as the earlier system's issue shipped them:
 * 「はい、与えられた文脈では、…などがいくつか調査されています」, 「主な課題は、次のようなものです」. Deterministic: an
 * answer must name at least one thing its question does not (a term, a name, a number), must not talk about "the
 * given context" instead of the paper, and must not announce a list it then leaves out.
 */
final class GenericAnswers {

    /** A term worth counting: a run of kanji or katakana, a Latin word or name, or a number. */
    private static final Pattern TERM = Pattern.compile(
            "\\p{IsHan}{2,}|[\\p{IsKatakana}ー]{2,}|[a-z][a-z0-9]*(?:-[a-z0-9]+)*|\\d+(?:[.,]\\d+)*");
    /** Words that could be said of any paper: they carry no finding of their own. */
    private static final Set<String> GENERIC = Set.of("文脈", "論文", "研究", "著者", "調査", "検討", "提案", "手法",
            "方法", "効果", "向上", "改善", "重要", "様々", "可能", "可能性", "必要", "使用", "利用", "一般", "一般的",
            "具体的", "情報", "内容", "結果", "質問", "回答", "問題", "記載", "言及", "説明", "以下", "場合", "部分",
            "存在", "関連", "テキスト", "コンテキスト", "いくつか");
    /** Our plumbing: the text the model was given, rather than the paper. */
    private static final Pattern CONTEXT_TALK = Pattern.compile(
            "(与えられた|提供された|渡された|示された|上記の?)(文脈|コンテキスト|テキスト|情報|チャンク|抜粋|資料)"
                    + "|(この|その|これらの|各|どの)チャンク|チャンク\\s*\\d|given (context|text|chunks?)|\\bchunk\\s*\\d",
            Pattern.CASE_INSENSITIVE);
    /** Ends by announcing items ("…は次のようなものです", "以下のようなアプローチが考えられます") that never follow. */
    private static final Pattern DANGLING_LIST = Pattern.compile(
            "(次|以下)の?(よう|とおり|通り)[^。．.!?！？]{0,25}[。．.:：]?\\s*$|[:：]\\s*$");

    private GenericAnswers() {
    }

    /** What makes {@code answer} a non-answer to the question, phrased as instructions; empty when it says something. */
    static List<String> findings(String questionJa, String questionEn, String answer) {
        List<String> findings = new ArrayList<>();
        if (talksAboutContext(answer)) {
            findings.add("the answer speaks of the text it was given instead of the paper: state what the paper"
                    + " reports in the answer, and name each part of the question the text does not state in"
                    + " notStated instead");
        }
        if (DANGLING_LIST.matcher(answer.strip()).find()) {
            findings.add("the answer announces items it does not give: state the items themselves");
        }
        if (newTerms(questionJa + "\n" + questionEn, answer).isEmpty()) {
            findings.add("the answer adds nothing specific to the question (no term, name or number the question"
                    + " does not already have): state the finding the paper reports");
        }
        return findings;
    }

    /** Whether {@code text} speaks of the text, chunks or context the model was given: our plumbing. */
    static boolean talksAboutContext(String text) {
        return CONTEXT_TALK.matcher(QuotedSpans.replaced(text, "")).find();
    }

    /** The answer's terms that are neither in the question nor generic. */
    static Set<String> newTerms(String question, String answer) {
        String asked = normalize(question);
        Set<String> terms = new LinkedHashSet<>();
        Matcher m = TERM.matcher(normalize(answer));
        while (m.find()) {
            String term = m.group();
            boolean latin = term.charAt(0) >= 'a' && term.charAt(0) <= 'z';
            if (GENERIC.contains(term) || latin && (TextSimilarity.STOPWORDS.contains(term) || term.length() < 2)) {
                continue;
            }
            String singular = latin && term.endsWith("s") ? term.substring(0, term.length() - 1) : term;
            if (!asked.contains(term) && !asked.contains(singular)) {
                terms.add(term);
            }
        }
        return terms;
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}

package org.paperdigest.qa.domain;

import java.util.regex.Pattern;
import org.paperdigest.qa.client.QuestionDraft;

/**
 * Recognises a question that asks two or more things at once ("which domains does it cover, and by which criteria
 * are the splits defined?"). Such questions get answers that drop one of their asks, so they are sent back to be
 * split. Deterministic, on both forms: a second question word that opens a clause of its own after "and", "or", a
 * semicolon or a comma (not "which" or "where" after a comma: they open relative clauses), "…, and if so, …", two
 * question marks, or a Japanese clause that ends in か and goes on to ask again.
 */
public final class BundledQuestions {

    private static final String ASKS = "(?:what|which|how|why|where|when|who|whom|whose|whether|to what extent"
            + "|in what|on what|for what|at what|by what|with what|on which|in which|for which|at which|by which"
            + "|do|does|did|is|are|was|were|can|could|has|have)";
    /** A clause that asks again after a coordinator: "…, and which splits…", "…; how…", "… or why…". */
    private static final Pattern SECOND_ASK_EN = Pattern.compile(
            "(?i)(?:[,;]\\s*(?:and|or|as well as|plus)|\\s(?:and|or)|;)\\s+(?:also\\s+)?" + ASKS + "\\b(?!\\s+(?:not|to)\\b)"
                    + "|,\\s+(?:and\\s+)?if so\\b"
                    + "|,\\s+(?:what|how|why|whether|(?:in|on|under|for|with|by|at) what)\\b");
    private static final Pattern QUESTION_WORD_JA = Pattern.compile(
            "何|どの|どう|どんな|どれ|なぜ|いつ|どこ|誰|いくつ|いくら|どれほど|どの程度");
    /** 「…ですか、また…」, 「…か。…か」, 「…し、それぞれ…」 before a second question word. */
    private static final Pattern SECOND_ASK_JA = Pattern.compile(
            "(?:か[、。,]|[、,]\\s*(?:また|そして|さらに|それぞれ)|また[、,])");


    private BundledQuestions() {
    }

    public static boolean isBundled(QuestionDraft question) {
        String en = unquoted(question.questionEn());
        String ja = unquoted(question.questionJa());
        if (questionMarks(en) > 1 || questionMarks(ja) > 1) {
            return true;
        }
        if (SECOND_ASK_EN.matcher(en).find()) {
            return true;
        }
        var join = SECOND_ASK_JA.matcher(ja);
        while (join.find()) {
            if (QUESTION_WORD_JA.matcher(ja.substring(0, join.start())).find()
                    && QUESTION_WORD_JA.matcher(ja.substring(join.end())).find()) {
                return true;
            }
        }
        return false;
    }

    /** The question without what it quotes: a quoted passage is the paper's wording, not an ask. */
    private static String unquoted(String question) {
        return question == null ? "" : QuotedSpans.replaced(question.strip(), "\"\"");
    }

    private static long questionMarks(String text) {
        return text.chars().filter(c -> c == '?' || c == '？').count();
    }
}

package org.paperdigest.qa.domain;

import java.util.ArrayList;
import java.util.List;
import org.paperdigest.qa.client.QuestionDraft;

/**
 * Drops questions that ask the same thing as an earlier one. Two questions are near-duplicates when both their
 * Japanese forms (character bigrams) and their English forms (content words) nearly match. Japanese alone would
 * merge questions that differ by one word, such as 専門家 against 非専門家; English alone is too coarse for short
 * questions.
 */
public final class QuestionDeduper {

    static final double SAME_JAPANESE = 0.8;
    static final double SAME_ENGLISH = 0.8;

    private QuestionDeduper() {
    }

    /** The questions in their order, each later near-duplicate of an earlier one left out. */
    public static List<QuestionDraft> distinct(List<QuestionDraft> questions) {
        List<QuestionDraft> kept = new ArrayList<>();
        for (QuestionDraft candidate : questions) {
            if (kept.stream().noneMatch(k -> sameQuestion(k, candidate))) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    static boolean sameQuestion(QuestionDraft a, QuestionDraft b) {
        return TextSimilarity.dice(a.questionJa(), b.questionJa()) >= SAME_JAPANESE
                && TextSimilarity.wordJaccard(a.questionEn(), b.questionEn()) >= SAME_ENGLISH;
    }
}

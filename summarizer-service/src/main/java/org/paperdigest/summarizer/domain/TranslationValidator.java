package org.paperdigest.summarizer.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.paperdigest.llm.JapaneseText;
import org.paperdigest.summarizer.client.TranslationDraft;

/**
 * Checks a model's translation before anything is emitted. Each finding is phrased as an instruction, because it is
 * sent back to the model in the one re-ask, and then shown to a person if the re-ask fails too.
 */
public final class TranslationValidator {

    /** The event contract's limit for the one-line summary. */
    public static final int SUMMARY_MAX_LENGTH = 120;
    /** A faithful Japanese translation runs to about a third to a half of the English length; far less is a summary. */
    static final double SHORTEST_TRANSLATION_RATIO = 0.2;
    /** ML abstracts keep many Latin terms (LLM, GPT-4); below this share the text is not Japanese. */
    static final double LEAST_JAPANESE_SHARE = 0.4;

    public List<String> check(TranslationSource source, TranslationDraft draft) {
        List<String> findings = new ArrayList<>();
        String abstractJa = draft == null || draft.abstractJa() == null ? "" : draft.abstractJa().strip();
        String summaryJa = draft == null || draft.summaryJa() == null ? "" : draft.summaryJa().strip();
        if (abstractJa.isEmpty()) {
            findings.add("abstractJa is empty: translate the whole abstract");
        } else {
            checkAbstract(source, abstractJa, findings);
        }
        if (summaryJa.isEmpty()) {
            findings.add("summaryJa is empty: write the one-line Japanese summary");
        } else {
            checkSummary(summaryJa, findings);
        }
        return findings;
    }

    private void checkAbstract(TranslationSource source, String abstractJa, List<String> findings) {
        for (String span : source.protectedSpans()) {
            int stated = occurrences(source.abstractText(), span);
            int kept = occurrences(abstractJa, span);
            if (kept == 0) {
                findings.add("abstractJa must contain \"" + span + "\" exactly as written, character for character;"
                        + " it is missing or was changed");
            } else if (kept < stated) {
                // One mention transliterated or dropped among several kept ones is still a changed name.
                findings.add("abstractJa has \"" + span + "\" " + kept + " of the " + stated + " times the abstract"
                        + " has it: keep every occurrence exactly as written, character for character");
            }
        }
        String ownWords = source.withoutSpans(abstractJa);
        if (!JapaneseText.hasKana(ownWords) || JapaneseText.japaneseShare(ownWords) < LEAST_JAPANESE_SHARE) {
            findings.add("abstractJa is not Japanese: translate the abstract into Japanese");
            return;
        }
        int english = JapaneseText.length(source.textOutsideSpans().strip());
        int japanese = JapaneseText.length(ownWords.strip());
        if (japanese < english * SHORTEST_TRANSLATION_RATIO) {
            findings.add("abstractJa has " + japanese + " characters for an abstract of " + english
                    + ": translate every sentence; do not summarise");
        }
        Set<String> stated = JapaneseText.numbers(source.textOutsideSpans());
        stated.removeAll(JapaneseText.numbers(abstractJa));
        if (!stated.isEmpty()) {
            findings.add("abstractJa lacks the number(s) " + String.join(", ", stated)
                    + " that the abstract states: keep every number as written");
        }
    }

    private void checkSummary(String summaryJa, List<String> findings) {
        int length = JapaneseText.length(summaryJa);
        if (length > SUMMARY_MAX_LENGTH) {
            findings.add("summaryJa has " + length + " characters; the limit is " + SUMMARY_MAX_LENGTH
                    + ": write one shorter sentence");
        }
        if (!JapaneseText.hasKana(summaryJa)) {
            findings.add("summaryJa is not Japanese: write it in Japanese");
        }
    }

    private static int occurrences(String text, String span) {
        int count = 0;
        for (int at = text.indexOf(span); at >= 0; at = text.indexOf(span, at + span.length())) {
            count++;
        }
        return count;
    }

    static String describe(List<String> findings) {
        return findings.stream().collect(Collectors.joining("; "));
    }
}

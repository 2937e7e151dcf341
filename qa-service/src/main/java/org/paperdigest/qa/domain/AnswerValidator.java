package org.paperdigest.qa.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperdigest.events.Evidence;
import org.paperdigest.events.QuestionAnswer;
import org.paperdigest.qa.client.AnswerDraft;
import org.paperdigest.qa.client.QuestionDraft;
import org.paperdigest.qa.client.QuoteDraft;

/**
 * Checks an answer against the chunks it was given, deterministically. Every quote must occur in a given chunk
 * (see {@link QuoteMatcher}), and the evidence's page and section are taken from that chunk. The answer must be
 * Japanese, 1–4 sentences, every number in it must be in its quotes (or in the question), and it must say more
 * than the question without being generic filler (see {@link GenericAnswers}). Findings are phrased as
 * instructions: they go back to the model in the one re-ask.
 */
public final class AnswerValidator {

    public static final String NOT_STATED = "論文中に記載がありません";
    static final int MAX_QUOTES = 3;
    static final int MAX_SENTENCES = 4;
    static final int SHORTEST_QUOTE_WORDS = 4;
    /** Share of an answer's character bigrams found in its question above which it only restates the question. */
    static final double RESTATEMENT = 0.65;

    /** A number, unless it is part of a name such as {@code GPT-4}, {@code Llama-2} or {@code T5}. */
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z\\d.,])(?<![A-Za-z]-)\\d++(?:[.,]\\d++)*+");
    private static final Pattern QUOTED = Pattern.compile("「[^」]*」|“[^”]*”|\"[^\"]*\"");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?]|\\.(?!\\d)");

    public Verdict check(QuestionDraft question, AnswerDraft draft, List<Chunk> given) {
        if (draft == null) {
            return Verdict.rejected(List.of("the reply had no answer"));
        }
        if (!draft.answerable()) {
            return Verdict.accepted(new QuestionAnswer(question.questionJa(), NOT_STATED, false, List.of()));
        }
        List<String> findings = new ArrayList<>();
        String answer = draft.answer() == null ? "" : draft.answer().strip();
        List<QuoteDraft> quotes = draft.evidence() == null ? List.of() : draft.evidence();
        if (answer.isEmpty()) {
            findings.add("the answer is empty: answer in Japanese, or set answerable to false");
        }
        if (quotes.isEmpty()) {
            findings.add("an answerable answer needs 1 to 3 evidence quotes copied from the chunks");
        }
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < Math.min(quotes.size(), MAX_QUOTES); i++) {
            verify(i + 1, quotes.get(i), given, evidence, findings);
        }
        if (!answer.isEmpty()) {
            checkAnswerText(question, answer, evidence, findings);
        }
        return findings.isEmpty()
                ? Verdict.accepted(new QuestionAnswer(question.questionJa(), answer, true, List.copyOf(evidence)))
                : Verdict.rejected(findings);
    }

    private static void verify(int n, QuoteDraft draft, List<Chunk> given, List<Evidence> evidence,
            List<String> findings) {
        String quote = QuoteMatcher.trimQuote(draft.quote());
        if (QuoteMatcher.words(quote) < SHORTEST_QUOTE_WORDS) {
            findings.add("quote " + n + " (\"" + quote + "\") is too short to show anything: quote at least "
                    + SHORTEST_QUOTE_WORDS + " consecutive words");
            return;
        }
        Chunk source = null;
        int cited = draft.chunk();
        if (cited >= 1 && cited <= given.size() && QuoteMatcher.occursIn(quote, given.get(cited - 1).text())) {
            source = given.get(cited - 1);
        } else {
            // A true quote with a wrong chunk number is still evidence; its page comes from where it really is.
            source = given.stream().filter(c -> QuoteMatcher.occursIn(quote, c.text())).findFirst().orElse(null);
        }
        if (source == null) {
            findings.add("quote " + n + " (\"" + quote + "\") does not occur word for word in chunk " + cited
                    + ": copy the words exactly as they stand in the chunk");
        } else {
            evidence.add(new Evidence(quote, source.page(), source.section()));
        }
    }

    private static void checkAnswerText(QuestionDraft question, String answer, List<Evidence> evidence,
            List<String> findings) {
        String ownWords = QUOTED.matcher(answer).replaceAll("");
        if (!hasKana(ownWords)) {
            findings.add("the answer is not Japanese: write it in Japanese");
        }
        long sentences = SENTENCE_END.splitAsStream(ownWords).filter(s -> !s.isBlank()).count();
        if (sentences > MAX_SENTENCES) {
            findings.add("the answer has " + sentences + " sentences: use at most " + MAX_SENTENCES);
        }
        Set<String> allowed = numbers(question.questionJa() + " " + question.questionEn());
        evidence.forEach(e -> allowed.addAll(numbers(e.quote())));
        Set<String> unsupported = numbers(answer);
        unsupported.removeAll(allowed);
        if (!unsupported.isEmpty()) {
            findings.add("the answer states " + String.join(", ", unsupported)
                    + " but no quote contains it: quote the passage that gives it, or leave it out");
        }
        if (restates(question.questionJa(), answer)) {
            findings.add("the answer only restates the question: say what the paper reports");
        } else {
            findings.addAll(GenericAnswers.findings(question.questionJa(), question.questionEn(), answer));
        }
    }

    /** An answer that is itself a question, or whose words nearly all come from the question and add no number. */
    static boolean restates(String question, String answer) {
        String a = answer.strip();
        if (a.endsWith("?") || a.endsWith("？") || a.endsWith("か。") || a.endsWith("か.")) {
            return true;
        }
        Set<String> newNumbers = numbers(a);
        newNumbers.removeAll(numbers(question));
        return newNumbers.isEmpty() && TextSimilarity.containment(a, question) >= RESTATEMENT;
    }

    static Set<String> numbers(String text) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC));
        while (m.find()) {
            numbers.add(m.group().replaceAll(",(?=\\d{3}(\\D|$))", ""));
        }
        return numbers;
    }

    private static boolean hasKana(String text) {
        return text.codePoints().anyMatch(cp -> {
            Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
            return block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA;
        });
    }
}

package org.paperdigest.qa.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperdigest.events.Evidence;
import org.paperdigest.events.QuestionAnswer;
import org.paperdigest.llm.JapaneseText;
import org.paperdigest.llm.NumberClaims;
import org.paperdigest.qa.client.AnswerDraft;
import org.paperdigest.qa.client.QuestionDraft;
import org.paperdigest.qa.client.QuoteDraft;

/**
 * Checks an answer against the chunks it was given, deterministically. Every quote must occur in a given chunk
 * (see {@link QuoteMatcher}), and the evidence's page and section are taken from that chunk. The answer must be
 * Japanese, 1–4 sentences; every number in it must be stated by its quotes or the question ({@link NumberClaims});
 * every name in Latin letters and every URL in it must occur in the text given; and it must say more than the
 * question without being generic filler or talk about the text it was given ({@link GenericAnswers}). What the text
 * does not state is listed apart, as short Japanese phrases; a caveat the answer itself makes about the text it was
 * given moves there ({@link ContextCaveats}). Findings are phrased as instructions: they go back to the model in the
 * one re-ask.
 */
public final class AnswerValidator {

    public static final String NOT_STATED = "論文中に記載がありません";
    static final int MAX_QUOTES = 5;
    static final int MAX_SENTENCES = 4;
    static final int SHORTEST_QUOTE_WORDS = 4;
    /** A part of the question that went unanswered is named, not explained. */
    static final int LONGEST_NOT_STATED_CHARS = 60;
    /** Share of an answer's character bigrams found in its question above which it only restates the question. */
    static final double RESTATEMENT = 0.65;

    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?]|\\.(?!\\d)(?![a-z])");
    /** A name in Latin letters: a word with a capital or a digit ({@code Self-RAG}, {@code PopQA}, {@code GPT-4}). */
    private static final Pattern LATIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+-]*[A-Za-z0-9]|[A-Z]");
    private static final Pattern URL = Pattern.compile(
            "(?i)(?:https?://|www\\.)[^\\s<>\"'「」『』（）()、。,]+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|io|ai|net|dev|co)/[^\\s<>\"'「」『』（）()、。,]*");

    /**
     * @param title the paper's title: a name it contains may be used with its digits ({@code Orca 2})
     */
    public Verdict check(QuestionDraft question, AnswerDraft draft, List<Chunk> given, String title) {
        if (draft == null) {
            return Verdict.rejected(List.of("the reply had no answer"));
        }
        List<String> findings = new ArrayList<>();
        ContextCaveats.Moved moved = ContextCaveats.move(draft.answer() == null ? "" : draft.answer().strip());
        List<String> drafted = new ArrayList<>(draft.notStated());
        drafted.addAll(moved.notStated());
        List<String> notStated = notStated(drafted, findings);
        if (!draft.answerable()) {
            return findings.isEmpty()
                    ? Verdict.accepted(new QuestionAnswer(question.questionJa(), NOT_STATED, false, List.of(),
                            notStated))
                    : Verdict.rejected(findings);
        }
        String answer = moved.answer();
        List<QuoteDraft> quotes = draft.evidence();
        if (answer.isEmpty()) {
            findings.add("the answer is empty: answer in Japanese, or set answerable to false");
        }
        if (quotes.isEmpty()) {
            findings.add("an answerable answer needs 1 to " + MAX_QUOTES + " evidence quotes copied from the chunks");
        }
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < Math.min(quotes.size(), MAX_QUOTES); i++) {
            verify(i + 1, quotes.get(i), given, evidence, findings);
        }
        if (!answer.isEmpty()) {
            checkAnswerText(question, answer, evidence, given, title, findings);
        }
        return findings.isEmpty()
                ? Verdict.accepted(new QuestionAnswer(question.questionJa(), answer, true, List.copyOf(evidence),
                        notStated))
                : Verdict.rejected(findings);
    }

    private static List<String> notStated(List<String> drafted, List<String> findings) {
        List<String> kept = new ArrayList<>();
        for (String phrase : drafted) {
            String p = phrase == null ? "" : phrase.strip().replaceAll("\\s+", " ");
            if (p.isEmpty()) {
                continue;
            }
            if (JapaneseText.length(p) > LONGEST_NOT_STATED_CHARS || !JapaneseText.hasJapanese(p)) {
                findings.add("notStated item \"" + p + "\" is not a short Japanese phrase: name the missing part"
                        + " of the question in a few Japanese words");
            } else if (GenericAnswers.talksAboutContext(p)) {
                findings.add("notStated item \"" + p + "\" speaks of the text you were given: name only the"
                        + " missing part of the question");
            } else {
                kept.add(p.replaceAll("(は|が)?(論文|本文|概要)(中)?に(は)?記載(が)?(ありません|されていません|がない|なし)。?$", ""));
            }
        }
        return List.copyOf(new LinkedHashSet<>(kept));
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
            List<Chunk> given, String title, List<String> findings) {
        String ownWords = QuotedSpans.replaced(answer, "");
        if (!JapaneseText.hasKana(ownWords)) {
            findings.add("the answer is not Japanese: write it in Japanese");
        }
        long sentences = SENTENCE_END.splitAsStream(ownWords).filter(s -> !s.isBlank()).count();
        if (sentences > MAX_SENTENCES) {
            findings.add("the answer has " + sentences + " sentences: use at most " + MAX_SENTENCES);
        }
        List<String> sources = new ArrayList<>(List.of(question.questionJa(), question.questionEn()));
        evidence.forEach(e -> sources.add(e.quote()));
        Set<String> unsupported = NumberClaims.unsupported(answer, sources, title == null ? List.of() : List.of(title));
        if (!unsupported.isEmpty()) {
            findings.add("the answer states " + String.join(", ", unsupported)
                    + " but no quote contains it: quote the passage that gives it, or leave it out");
        }
        String text = key(String.join("\n", given.stream().map(c -> c.section() + "\n" + c.text()).toList())
                + "\n" + question.questionJa()
                + "\n" + question.questionEn() + "\n" + (title == null ? "" : title));
        Set<String> strange = new LinkedHashSet<>();
        Matcher url = URL.matcher(answer);
        while (url.find()) {
            String u = url.group().replaceAll("[.)\\]]+$", "");
            if (!text.contains(key(u.replaceFirst("(?i)^https?://", "")))) {
                strange.add(u);
            }
        }
        Matcher name = LATIN_NAME.matcher(URL.matcher(answer).replaceAll(" "));
        while (name.find()) {
            String n = name.group();
            boolean nameLike = !n.equals(n.toLowerCase(Locale.ROOT)) || n.chars().anyMatch(Character::isDigit);
            if (nameLike && n.chars().anyMatch(Character::isLetter) && !text.contains(key(n))) {
                strange.add(n);
            }
        }
        if (!strange.isEmpty()) {
            findings.add("the answer names " + String.join(", ", strange) + ", which the paper's text does not"
                    + " contain: state only what the text says, and name what it does not state in notStated");
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
        return NumberClaims.unsupported(a, List.of(question), List.of()).isEmpty()
                && TextSimilarity.containment(a, question) >= RESTATEMENT;
    }

    /** The form names and URLs are compared in: case, spaces, hyphens and slashes do not count. */
    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\-‐–—_/]", "");
    }
}

package org.paperdigest.qa.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;
import org.paperdigest.qa.client.Aspect;
import org.paperdigest.qa.client.QuestionDraft;

/**
 * Chooses the chunks of a paper that one answer call is given, within a budget of tokens. When the whole paper fits,
 * every question gets all of it, in reading order and always the same, so the server's prefix cache reuses it across
 * the paper's questions. Otherwise retrieval fills the budget: the best-ranked chunks for the question, each with the
 * chunks around it (an answer often runs on past a chunk's end, or a caption stands beside its text), passages with
 * URLs first for a question about released code, data or models. Chunks of the reference list come last, except for a
 * question about what to read next: their names and years match many a question, yet they answer none. The chosen
 * chunks then go in reading order.
 *
 * <p>Tokens are estimated at {@link #CHARS_PER_TOKEN} characters each, the usual figure for English text with
 * OpenAI's tokenizers; the markup around each chunk is counted too.
 */
public final class ContextBudget {

    /** Characters per token of English prose with GPT-style tokenizers (OpenAI's rule of thumb: 1 token ≈ 4 chars). */
    public static final double CHARS_PER_TOKEN = 4.0;
    /** The {@code <chunk n="…" page="…" section="…">} element around each chunk's text. */
    private static final int MARKUP_CHARS = 48;
    private static final Pattern URL = Pattern.compile("(?i)https?://|www\\.|github\\.com|huggingface\\.co");
    /** What a reference list is made of: years, venues, preprint servers, "et al.". */
    private static final Pattern CITATION = Pattern.compile(
            "\\b(?:19|20)\\d{2}[a-z]?\\b|\\barXiv\\b|\\bProceedings\\b|\\bpreprint\\b|\\bet al\\.|\\bConference\\b");
    /** Citation marks per word above which a chunk reads as part of the reference list. */
    private static final double REFERENCE_LIST_DENSITY = 0.06;
    /** A question about where something is released, which a URL in the text answers. */
    private static final Pattern ASKS_FOR_RESOURCES = Pattern.compile(
            "(?i)\\b(code|released?|publicly available|open[- ]sourced?|repository|github|hugging ?face|download(ed)?"
                    + "|url|website|project page|checkpoints?|weights)\\b");

    /** Extra query words by aspect: the words a paper uses where it answers such a question. */
    private static String expansion(Aspect aspect) {
        if (aspect == null) {
            return "";
        }
        return switch (aspect) {
            case EVALUATION -> " evaluate evaluation benchmark dataset metric experiments setup";
            case RESULTS -> " results table accuracy performance";
            case COMPARISON -> " baseline compared outperforms prior work related work";
            case LIMITATIONS -> " limitations limitation future work challenges risks";
            case RESOURCES -> " code data models available release github";
            case NEXT_READING -> " related work prior work builds on inspired";
            default -> "";
        };
    }

    private final List<Chunk> chunks;
    private final int budgetTokens;
    private final boolean wholePaperFits;

    public ContextBudget(List<Chunk> chunks, int budgetTokens) {
        this.chunks = List.copyOf(chunks);
        this.budgetTokens = budgetTokens;
        this.wholePaperFits = chunks.stream().mapToInt(ContextBudget::tokens).sum() <= budgetTokens;
    }

    /** Whether every answer call is given the whole paper. */
    public boolean wholePaperFits() {
        return wholePaperFits;
    }

    /**
     * The chunks that an answer to {@code question} is given, in reading order.
     *
     * @param retriever ranks the chunks; unused, and may be null, when the {@link #wholePaperFits() whole paper fits}
     */
    public List<Chunk> contextFor(QuestionDraft question, Bm25Retriever retriever) {
        if (wholePaperFits) {
            return chunks;
        }
        String query = question.questionEn() + expansion(question.aspect());
        List<Integer> priority = new ArrayList<>();
        if (question.aspect() == Aspect.RESOURCES || ASKS_FOR_RESOURCES.matcher(question.questionEn()).find()) {
            for (int i = 0; i < chunks.size(); i++) {
                if (URL.matcher(chunks.get(i).text()).find() && !isReferenceList(chunks.get(i))) {
                    priority.add(i);
                }
            }
        }
        List<Integer> references = new ArrayList<>();
        for (int hit : retriever.rank(query)) {
            if (question.aspect() != Aspect.NEXT_READING && isReferenceList(chunks.get(hit))) {
                references.add(hit);
                continue;
            }
            priority.add(hit);
            priority.add(hit + 1);
            priority.add(hit - 1);
        }
        priority.addAll(references);
        BitSet chosen = new BitSet(chunks.size());
        int left = budgetTokens;
        for (int i : priority) {
            if (i < 0 || i >= chunks.size() || chosen.get(i)) {
                continue;
            }
            int cost = tokens(chunks.get(i));
            if (cost <= left) {
                chosen.set(i);
                left -= cost;
            }
        }
        return chosen.stream().mapToObj(chunks::get).toList();
    }

    static boolean isReferenceList(Chunk chunk) {
        long marks = CITATION.matcher(chunk.text()).results().count();
        return marks >= 5 && marks >= REFERENCE_LIST_DENSITY * QuoteMatcher.words(chunk.text());
    }

    static int tokens(Chunk chunk) {
        int chars = chunk.text().length() + (chunk.section() == null ? 0 : chunk.section().length()) + MARKUP_CHARS;
        return (int) Math.ceil(chars / CHARS_PER_TOKEN);
    }
}

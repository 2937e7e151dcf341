package org.paperdigest.qa.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.paperdigest.llm.LlmOutputException;
import org.paperdigest.qa.client.Aspect;
import org.paperdigest.qa.client.QaClient;
import org.paperdigest.qa.client.QuestionDraft;
import org.paperdigest.qa.client.QuestionSet;

/**
 * A paper's questions: the distinct single-ask questions with both forms, at most {@link #MAX_ITEMS}
 * ({@link #MAX_ABSTRACT_ITEMS} from an abstract). The proposal is re-asked once if it has too few questions, a
 * bundled one, or (from a full text) leaves an aspect out; the re-ask's set is taken unless it has too few questions
 * where the first had enough. Questions still bundled then are left out while enough others remain.
 */
@ApplicationScoped
public class QuestionProposals {

    static final int MAX_ITEMS = 10;
    static final int MAX_ABSTRACT_ITEMS = 5;
    private static final Logger LOG = Logger.getLogger(QuestionProposals.class);
    private static final int ATTEMPTS = 2;

    private final QaClient client;
    private final QaMeters meters;

    QuestionProposals(QaClient client, QaMeters meters) {
        this.client = client;
        this.meters = meters;
    }

    /**
     * @param chunks  the paper's text; the first chunk stands in for a missing abstract
     * @param minimum the fewest questions the paper can do with
     * @throws LlmOutputException neither reply was the JSON asked for
     */
    List<QuestionDraft> propose(QaRun run, List<Chunk> chunks, int minimum) {
        String abstractText = run.paper.metadata().abstractText();
        if (abstractText == null || abstractText.isBlank()) {
            abstractText = chunks.get(0).text();
        }
        int wanted = run.abstractOnly ? MAX_ABSTRACT_ITEMS : MAX_ITEMS;
        List<String> headings = run.abstractOnly ? List.of() : Chunker.headings(chunks);
        List<String> findings = List.of();
        Proposal kept = null;
        Review review = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                run.reasked();
            }
            QuestionSet set;
            try {
                set = run.record(client.askQuestions(run.asked, run.abstractOnly, run.paper.metadata().title(),
                        abstractText, headings, findings));
            } catch (LlmOutputException e) {
                run.spent(e.usage());
                if (attempt == ATTEMPTS && kept == null) {
                    throw e;
                }
                findings = List.of(e.getMessage() + ": reply with only the JSON object asked for");
                continue;
            }
            Proposal proposal = Proposal.of(set);
            if (attempt == 1) {
                meters.questionsProposed(proposal.distinct());
            }
            if (kept == null || proposal.distinct().size() >= minimum || kept.distinct().size() < minimum) {
                kept = proposal;
                review = kept.review(run.abstractOnly, minimum);
            }
            findings = review.findings();
            if (!review.worthReasking()) {
                break;
            }
        }
        if (review.worthReasking()) {
            LOG.infof("%s: questions accepted with: %s", run.paper.paperKey(), findings);
        }
        run.generated(kept.given());
        run.drop(kept.given() - kept.complete().size(), "question without both its Japanese and English form");
        run.drop(kept.complete().size() - kept.distinct().size(), "question asking the same as another");
        List<QuestionDraft> questions = kept.distinct();
        List<QuestionDraft> bundled = review.bundled();
        if (!bundled.isEmpty() && questions.size() - bundled.size() >= minimum) {
            questions = questions.stream().filter(q -> !bundled.contains(q)).toList();
            run.drop(bundled.size(), "question asking several things at once after the re-ask");
        }
        run.drop(questions.size() - wanted, "question beyond the " + wanted + " kept");
        return questions.subList(0, Math.min(wanted, questions.size()));
    }

    private static boolean hasBothForms(QuestionDraft q) {
        return q.questionJa() != null && !q.questionJa().isBlank()
                && q.questionEn() != null && !q.questionEn().isBlank();
    }

    /**
     * What is wrong with a proposal, in words the model is told on a re-ask, and whether that is worth one: too few
     * questions, a bundled one, or an aspect left out is; a duplicate or a one-sided question alone is not, it is
     * dropped.
     */
    private record Review(List<String> findings, List<QuestionDraft> bundled, boolean worthReasking) {
    }

    /** One reply's questions: all it gave, those with both forms, and of those the distinct ones. */
    private record Proposal(int given, List<QuestionDraft> complete, List<QuestionDraft> distinct) {

        static Proposal of(QuestionSet set) {
            int given = set == null || set.questions() == null ? 0 : set.questions().size();
            List<QuestionDraft> complete = given == 0 ? List.of()
                    : set.questions().stream().filter(QuestionProposals::hasBothForms).toList();
            return new Proposal(given, complete, QuestionDeduper.distinct(complete));
        }

        Review review(boolean abstractOnly, int minimum) {
            List<String> findings = new ArrayList<>();
            if (complete.size() < given) {
                findings.add((given - complete.size())
                        + " question(s) lacked the Japanese or the English form: give both");
            }
            if (distinct.size() < complete.size()) {
                findings.add((complete.size() - distinct.size())
                        + " question(s) asked the same as another: ask each thing once");
            }
            List<QuestionDraft> bundled = distinct.stream().filter(BundledQuestions::isBundled).toList();
            for (QuestionDraft question : bundled) {
                findings.add("\"" + question.questionEn() + "\" asks several things at once: make each of them a"
                        + " question of its own");
            }
            boolean tooFew = distinct.size() < minimum;
            if (tooFew) {
                findings.add("only " + distinct.size() + " distinct questions: write "
                        + (abstractOnly ? MAX_ABSTRACT_ITEMS : MAX_ITEMS));
            }
            Set<Aspect> missing = EnumSet.allOf(Aspect.class);
            distinct.forEach(q -> missing.remove(q.aspect()));
            boolean aspectLeftOut = !abstractOnly && !missing.isEmpty();
            if (aspectLeftOut) {
                findings.add("no question covers " + missing + ": cover every aspect");
            }
            return new Review(List.copyOf(findings), bundled, tooFew || !bundled.isEmpty() || aspectLeftOut);
        }
    }
}

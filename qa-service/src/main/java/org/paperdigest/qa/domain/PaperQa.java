package org.paperdigest.qa.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.Generation;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.QualityReport;
import org.paperdigest.events.QuestionAnswer;
import org.paperdigest.events.Stage;
import org.paperdigest.events.TokenUsage;
import org.paperdigest.llm.LlmException;
import org.paperdigest.llm.LlmOutputException;
import org.paperdigest.llm.LlmReply;
import org.paperdigest.llm.persistence.GenerationKey;
import org.paperdigest.llm.persistence.GenerationStore;
import org.paperdigest.llm.persistence.IssueBudget;
import org.paperdigest.llm.persistence.StoredGeneration;
import org.paperdigest.qa.client.AnswerDraft;
import org.paperdigest.qa.client.Aspect;
import org.paperdigest.qa.client.PaperReader;
import org.paperdigest.qa.client.QaClient;
import org.paperdigest.qa.client.QuestionDraft;
import org.paperdigest.qa.client.QuestionSet;
import org.paperdigest.qa.config.QaConfig;

/**
 * Questions and grounded answers for one paper: one call for the questions, then for each question the best chunks
 * of the text and one call for its answer. Every reply is checked; a rejected one is re-asked once with the
 * findings. The paper fails when fewer than {@link #MIN_ITEMS} answers survive or the model cannot be reached. The
 * answers are made once per paper version, prompt version and model: a paper seen again gets the stored ones,
 * without an LLM call.
 */
@ApplicationScoped
public class PaperQa {

    public static final int MIN_ITEMS = 8;
    public static final int MAX_ITEMS = 10;
    private static final Logger LOG = Logger.getLogger(PaperQa.class);
    private static final int ATTEMPTS = 2;

    private final QaClient client;
    private final QaConfig config;
    private final GenerationStore store;
    private final IssueBudget budget;
    private final AnswerValidator validator = new AnswerValidator();

    PaperQa(QaClient client, QaConfig config, GenerationStore store, IssueBudget budget) {
        this.client = client;
        this.config = config;
        this.store = store;
        this.budget = budget;
    }

    public DigestEvent answer(PaperFetched paper) {
        List<Chunk> chunks = new Chunker(config.chunkWords()).chunks(paper);
        if (chunks.isEmpty()) {
            return failed(paper, "no text to answer from: the paper has neither extracted full text nor an abstract;"
                    + " fetch it again or add it by a URL whose text can be read");
        }
        String model = client.modelFor(paper);
        GenerationKey key = GenerationKey.of(paper, PaperReader.PROMPT_VERSION, model);
        Optional<StoredGeneration<Answers>> stored = store.find(key, Answers.class);
        if (stored.isPresent()) {
            LOG.infof("%s: answers of %s reused, no LLM call", paper.paperKey(),
                    stored.get().generation().generatedAt());
            return answered(paper, stored.get().result().items(), stored.get().generation());
        }
        Optional<String> refusal = budget.refusal(paper.issueId());
        if (refusal.isPresent()) {
            return failed(paper, refusal.get());
        }
        DigestEvent outcome = generate(new Run(paper, model), chunks);
        if (outcome instanceof PaperAnswered answered) {
            store.save(key, new Answers(answered.items()), answered.generation());
        }
        return outcome;
    }

    private DigestEvent generate(Run run, List<Chunk> chunks) {
        PaperFetched paper = run.paper;
        try {
            List<QuestionDraft> questions = questions(run, chunks);
            if (questions.size() < MIN_ITEMS) {
                return failed(paper, "the model proposed only " + questions.size() + " distinct usable questions"
                        + " (at least " + MIN_ITEMS + " are needed) after one re-ask" + modelNote(run));
            }
            List<QuestionAnswer> items = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            try (Bm25Retriever retriever = new Bm25Retriever(chunks)) {
                for (QuestionDraft question : questions) {
                    List<Chunk> given = retriever.top(question.questionEn(), config.chunksPerQuestion());
                    Verdict verdict = answer(run, question, given);
                    if (verdict.isAccepted()) {
                        items.add(verdict.item());
                    } else {
                        dropped.add("「" + question.questionJa() + "」: " + String.join("; ", verdict.findings()));
                        run.drop(1, "answer failing its checks after the re-ask: " + verdict.findings().get(0));
                    }
                }
            }
            if (items.size() < MIN_ITEMS) {
                return failed(paper, "only " + items.size() + " of " + questions.size() + " answers passed the"
                        + " evidence checks (at least " + MIN_ITEMS + " are needed)" + modelNote(run) + ". Rejected: "
                        + String.join(" | ", dropped.subList(0, Math.min(3, dropped.size()))));
            }
            // Microseconds: what the store keeps, so a reuse carries exactly the time the first event carried.
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Generation generation = new Generation(run.model, PaperReader.PROMPT_VERSION, now, run.usage,
                    run.quality(items));
            return answered(paper, items, generation);
        } catch (LlmOutputException e) {
            return failed(paper, "the model twice gave no usable reply: " + e.getMessage() + modelNote(run));
        } catch (LlmException e) {
            return failed(paper, "the LLM call failed: " + e.getMessage());
        } finally {
            budget.charge(paper.issueId(), run.usage);
        }
    }

    /** The distinct questions with both forms, at most {@link #MAX_ITEMS}; re-asked once if too few or one-sided. */
    private List<QuestionDraft> questions(Run run, List<Chunk> chunks) {
        String abstractText = run.paper.metadata().abstractText();
        if (abstractText == null || abstractText.isBlank()) {
            abstractText = chunks.get(0).text();
        }
        List<String> headings = Chunker.headings(chunks);
        List<String> findings = List.of();
        List<QuestionDraft> distinct = List.of();
        List<QuestionDraft> complete = List.of();
        int given = 0;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                run.reasked++;
            }
            QuestionSet set;
            try {
                set = run.record(client.askQuestions(run.asked, run.paper.metadata().title(), abstractText, headings,
                        findings));
            } catch (LlmOutputException e) {
                run.usage = run.usage.plus(e.usage());
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                findings = List.of(e.getMessage() + ": reply with only the JSON object asked for");
                continue;
            }
            given = set == null || set.questions() == null ? 0 : set.questions().size();
            complete = given == 0 ? List.of() : set.questions().stream().filter(PaperQa::hasBothForms).toList();
            distinct = QuestionDeduper.distinct(complete);
            findings = questionFindings(given, complete, distinct);
            if (distinct.size() >= MIN_ITEMS) {
                break;
            }
        }
        if (!findings.isEmpty()) {
            LOG.infof("%s: questions accepted with: %s", run.paper.paperKey(), findings);
        }
        run.generated = given;
        run.drop(given - complete.size(), "question without both its Japanese and English form");
        run.drop(complete.size() - distinct.size(), "question asking the same as another");
        run.drop(distinct.size() - MAX_ITEMS, "question beyond the " + MAX_ITEMS + " kept");
        return distinct.subList(0, Math.min(MAX_ITEMS, distinct.size()));
    }

    private static List<String> questionFindings(int given, List<QuestionDraft> complete,
            List<QuestionDraft> distinct) {
        List<String> findings = new ArrayList<>();
        if (complete.size() < given) {
            findings.add((given - complete.size()) + " question(s) lacked the Japanese or the English form: give both");
        }
        if (distinct.size() < complete.size()) {
            findings.add((complete.size() - distinct.size())
                    + " question(s) asked the same as another: ask each thing once");
        }
        if (distinct.size() < MIN_ITEMS) {
            findings.add("only " + distinct.size() + " distinct questions: write 10");
        }
        Set<Aspect> missing = EnumSet.allOf(Aspect.class);
        distinct.forEach(q -> missing.remove(q.aspect()));
        if (!missing.isEmpty()) {
            findings.add("no question covers " + missing + ": cover every aspect");
        }
        return findings;
    }

    private Verdict answer(Run run, QuestionDraft question, List<Chunk> given) {
        List<String> findings = List.of();
        Verdict verdict = Verdict.rejected(List.of("no answer"));
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                run.reasked++;
            }
            AnswerDraft draft;
            try {
                draft = run.record(client.answer(run.asked, question, given, findings));
            } catch (LlmOutputException e) {
                run.usage = run.usage.plus(e.usage());
                findings = List.of(e.getMessage() + ": reply with only the JSON object asked for");
                verdict = Verdict.rejected(findings);
                continue;
            }
            verdict = validator.check(question, draft, given);
            if (verdict.isAccepted()) {
                return verdict;
            }
            findings = verdict.findings();
            LOG.infof("%s: answer to 「%s」 attempt %d rejected: %s", run.paper.paperKey(), question.questionJa(),
                    attempt, findings);
        }
        return verdict;
    }

    private static String modelNote(Run run) {
        return " (prompt " + PaperReader.PROMPT_VERSION + ", model " + run.asked
                + "); a model that follows the instructions more closely may do better";
    }

    private static boolean hasBothForms(QuestionDraft q) {
        return q.questionJa() != null && !q.questionJa().isBlank()
                && q.questionEn() != null && !q.questionEn().isBlank();
    }

    /** The event for this paper's issue, whether the answers were just made or stored for an earlier one. */
    private static PaperAnswered answered(PaperFetched paper, List<QuestionAnswer> items, Generation generation) {
        return new PaperAnswered(PaperAnswered.SCHEMA_VERSION, paper.issueId(), paper.paperKey(),
                paper.revision(), paper.paperVersion(), List.copyOf(items), generation);
    }

    private static PaperFailed failed(PaperFetched paper, String reason) {
        LOG.warnf("%s: Q&A failed: %s", paper.paperKey(), reason);
        return new PaperFailed(PaperFailed.SCHEMA_VERSION, paper.issueId(), paper.paperKey(), paper.revision(),
                Stage.ANSWER, reason, Instant.now());
    }

    /** What one paper's calls have cost so far, which model answered, and what the checks did. */
    private static final class Run {
        final PaperFetched paper;
        /** The model asked; {@link #model} is the one the server says answered. */
        final String asked;
        TokenUsage usage = TokenUsage.NONE;
        String model;
        int generated;
        int reasked;
        final List<String> dropReasons = new ArrayList<>();

        Run(PaperFetched paper, String asked) {
            this.paper = paper;
            this.asked = asked;
        }

        void drop(int count, String reason) {
            for (int i = 0; i < count; i++) {
                dropReasons.add(reason);
            }
        }

        QualityReport quality(List<QuestionAnswer> kept) {
            int quotes = kept.stream().mapToInt(item -> item.evidence().size()).sum();
            return new QualityReport(generated, reasked, dropReasons.size(), dropReasons, 0, quotes);
        }

        <T> T record(LlmReply<T> reply) {
            usage = usage.plus(reply.usage());
            if (model == null) {
                model = reply.model();
            }
            return reply.content();
        }
    }
}

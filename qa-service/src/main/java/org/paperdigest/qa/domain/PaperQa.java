package org.paperdigest.qa.domain;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.paperdigest.events.ContentLevel;
import org.paperdigest.events.Generation;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.QualityReport;
import org.paperdigest.events.QuestionAnswer;
import org.paperdigest.events.Stage;
import org.paperdigest.events.TokenUsage;
import org.paperdigest.llm.LlmConfig;
import org.paperdigest.llm.LlmOutputException;
import org.paperdigest.llm.LlmReply;
import org.paperdigest.llm.stage.Generated;
import org.paperdigest.llm.stage.LlmStage;
import org.paperdigest.llm.stage.Spend;
import org.paperdigest.qa.client.AnswerDraft;
import org.paperdigest.qa.client.Aspect;
import org.paperdigest.qa.client.PaperReader;
import org.paperdigest.qa.client.QaClient;
import org.paperdigest.qa.client.QuestionDraft;
import org.paperdigest.qa.client.QuestionSet;
import org.paperdigest.qa.config.QaConfig;

/**
 * The answer stage: questions and grounded answers for one paper, one call for the questions, then one call per
 * question, side by side, each given the whole paper when it fits {@code paperdigest.qa.context-tokens} and the best
 * of it otherwise ({@link ContextBudget}). Every reply is checked; a rejected one is re-asked once with the
 * findings. The paper keeps every answer that passes, and fails only when fewer than the configured minimum pass or
 * the model cannot be reached. A paper of which only the abstract could be read gets at most
 * {@link #MAX_ABSTRACT_ITEMS} questions that the abstract answers, and keeps only the answers it states.
 */
@ApplicationScoped
public class PaperQa implements LlmStage<Answers> {

    public static final int MAX_ITEMS = 10;
    public static final int MAX_ABSTRACT_ITEMS = 5;
    private static final Logger LOG = Logger.getLogger(PaperQa.class);
    private static final int ATTEMPTS = 2;

    private final QaClient client;
    private final QaConfig config;
    private final QaMeters meters;
    private final AnswerValidator validator = new AnswerValidator();
    /**
     * Answers of all papers in work share these threads; the LLM call slots ({@code paperdigest.llm
     * .max-concurrent-calls}) bound the calls. Twice as many threads as slots, so that a retry waiting out its
     * backoff does not leave a slot unused.
     */
    private final ExecutorService answering;

    PaperQa(QaClient client, QaConfig config, LlmConfig llm, QaMeters meters) {
        this.client = client;
        this.meters = meters;
        this.config = config;
        this.answering = Executors.newFixedThreadPool(2 * llm.maxConcurrentCalls(), r -> {
            Thread thread = new Thread(r, "qa-answer");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        answering.shutdownNow();
    }

    @Override
    public Stage stage() {
        return Stage.ANSWER;
    }

    @Override
    public String promptVersion() {
        return PaperReader.PROMPT_VERSION;
    }

    @Override
    public Class<Answers> resultType() {
        return Answers.class;
    }

    @Override
    public Optional<String> unworkable(PaperFetched paper) {
        if (chunks(paper).isEmpty()) {
            return Optional.of("no text to answer from: the paper has neither extracted full text nor an abstract;"
                    + " fetch it again or add it by a URL whose text can be read");
        }
        return Optional.empty();
    }

    /** The event for this paper's issue, whether the answers were just made or stored for an earlier one. */
    @Override
    public PaperAnswered outcome(PaperFetched paper, Answers answers, Generation generation) {
        return new PaperAnswered(PaperAnswered.SCHEMA_VERSION, paper.issueId(), paper.paperKey(),
                paper.revision(), paper.paperVersion(), List.copyOf(answers.items()), generation);
    }

    private List<Chunk> chunks(PaperFetched paper) {
        return new Chunker(config.chunkWords()).chunks(paper);
    }

    /** Only the abstract was read: no full text, or a full text with nothing in it. */
    private static boolean abstractOnly(PaperFetched paper, List<Chunk> chunks) {
        return paper.contentLevel() == ContentLevel.ABSTRACT_ONLY
                || chunks.size() == 1 && Chunker.ABSTRACT.equals(chunks.get(0).section());
    }

    @Override
    public Generated<Answers> generate(PaperFetched paper, String model, Spend spend) {
        List<Chunk> chunks = chunks(paper);
        Run run = new Run(paper, model, abstractOnly(paper, chunks), spend);
        int minimum = run.abstractOnly ? config.minAnswersAbstractOnly() : config.minAnswers();
        try {
            List<QuestionDraft> questions = questions(run, chunks, minimum);
            if (questions.size() < minimum) {
                return Generated.failed("the model proposed only " + questions.size() + " distinct usable questions"
                        + " (at least " + minimum + " are needed) after one re-ask" + modelNote(run));
            }
            List<Verdict> verdicts = answerAll(run, questions, chunks);
            List<QuestionAnswer> items = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                Verdict verdict = verdicts.get(i);
                if (verdict.isAccepted() && run.abstractOnly && !verdict.item().answerable()) {
                    // Unanswerable from the abstract says nothing about the paper: the reader is not shown it.
                    run.drop(1, "the abstract does not answer it: " + questions.get(i).questionEn());
                } else if (verdict.isAccepted()) {
                    items.add(verdict.item());
                } else {
                    dropped.add("「" + questions.get(i).questionJa() + "」: " + String.join("; ", verdict.findings()));
                    run.drop(1, "answer failing its checks after the re-ask: " + verdict.findings().get(0));
                }
            }
            if (items.size() < minimum) {
                return Generated.failed("only " + items.size() + " of " + questions.size() + " answers passed the"
                        + " evidence checks (at least " + minimum + " are needed)" + modelNote(run)
                        + (dropped.isEmpty() ? "" : ". Rejected: "
                                + String.join(" | ", dropped.subList(0, Math.min(3, dropped.size())))));
            }
            return Generated.made(new Answers(List.copyOf(items)), run.model(), run.quality(items));
        } catch (LlmOutputException e) {
            return Generated.failed("the model twice gave no usable reply: " + e.getMessage() + modelNote(run));
        }
    }

    /** Each question's verdict, in the questions' order; the calls run side by side on {@link #answering}. */
    private List<Verdict> answerAll(Run run, List<QuestionDraft> questions, List<Chunk> chunks) {
        ContextBudget contexts = new ContextBudget(chunks, config.contextTokens());
        Map<String, Object> mdc = MDC.getMap();
        // The index is built only when retrieval is needed: a paper that fits is given whole to every question.
        try (Bm25Retriever retriever = contexts.wholePaperFits() ? null : new Bm25Retriever(chunks)) {
            List<Future<Verdict>> pending = new ArrayList<>();
            for (QuestionDraft question : questions) {
                pending.add(answering.submit(() -> {
                    mdc.forEach(MDC::put);
                    try {
                        return answer(run, question, contexts.contextFor(question, retriever));
                    } finally {
                        MDC.clear();
                    }
                }));
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (Future<Verdict> answer : pending) {
                verdicts.add(outcome(answer, pending));
            }
            return verdicts;
        }
    }

    /** The verdict of one answer; an LLM failure ends the paper, and its other calls are not waited for. */
    private static Verdict outcome(Future<Verdict> answer, List<Future<Verdict>> all) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted while answering", e);
        } catch (ExecutionException e) {
            all.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The distinct single-ask questions with both forms, at most {@link #MAX_ITEMS} ({@link #MAX_ABSTRACT_ITEMS} from
     * an abstract); re-asked once if too few, bundled or one-sided, and the re-ask's set is taken unless it has too
     * few questions where the first had enough. Questions still bundled then are left out while enough others remain.
     */
    private List<QuestionDraft> questions(Run run, List<Chunk> chunks, int minimum) {
        String abstractText = run.paper.metadata().abstractText();
        if (abstractText == null || abstractText.isBlank()) {
            abstractText = chunks.get(0).text();
        }
        int wanted = run.abstractOnly ? MAX_ABSTRACT_ITEMS : MAX_ITEMS;
        List<String> headings = run.abstractOnly ? List.of() : Chunker.headings(chunks);
        List<String> findings = List.of();
        Proposal kept = null;
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
            }
            findings = questionFindings(run.abstractOnly, kept, minimum);
            if (!worthReasking(run.abstractOnly, kept, minimum)) {
                break;
            }
        }
        if (worthReasking(run.abstractOnly, kept, minimum)) {
            LOG.infof("%s: questions accepted with: %s", run.paper.paperKey(), findings);
        }
        run.generated(kept.given());
        run.drop(kept.given() - kept.complete().size(), "question without both its Japanese and English form");
        run.drop(kept.complete().size() - kept.distinct().size(), "question asking the same as another");
        List<QuestionDraft> questions = kept.distinct();
        List<QuestionDraft> bundled = questions.stream().filter(BundledQuestions::isBundled).toList();
        if (!bundled.isEmpty() && questions.size() - bundled.size() >= minimum) {
            questions = questions.stream().filter(q -> !bundled.contains(q)).toList();
            run.drop(bundled.size(), "question asking several things at once after the re-ask");
        }
        run.drop(questions.size() - wanted, "question beyond the " + wanted + " kept");
        return questions.subList(0, Math.min(wanted, questions.size()));
    }

    /** One reply's questions: all it gave, those with both forms, and of those the distinct ones. */
    private record Proposal(int given, List<QuestionDraft> complete, List<QuestionDraft> distinct) {

        static Proposal of(QuestionSet set) {
            int given = set == null || set.questions() == null ? 0 : set.questions().size();
            List<QuestionDraft> complete = given == 0 ? List.of()
                    : set.questions().stream().filter(PaperQa::hasBothForms).toList();
            return new Proposal(given, complete, QuestionDeduper.distinct(complete));
        }
    }

    /**
     * Too few questions, a question that bundles asks, or (from a full text) an aspect left out: worth a re-ask. A
     * duplicate or a one-sided question alone is not; it is dropped.
     */
    private static boolean worthReasking(boolean abstractOnly, Proposal proposal, int minimum) {
        Set<Aspect> covered = EnumSet.noneOf(Aspect.class);
        proposal.distinct().forEach(q -> covered.add(q.aspect()));
        return proposal.distinct().size() < minimum
                || proposal.distinct().stream().anyMatch(BundledQuestions::isBundled)
                || !abstractOnly && covered.size() < Aspect.values().length;
    }

    private static List<String> questionFindings(boolean abstractOnly, Proposal proposal, int minimum) {
        int given = proposal.given();
        List<QuestionDraft> complete = proposal.complete();
        List<QuestionDraft> distinct = proposal.distinct();
        List<String> findings = new ArrayList<>();
        if (complete.size() < given) {
            findings.add((given - complete.size()) + " question(s) lacked the Japanese or the English form: give both");
        }
        if (distinct.size() < complete.size()) {
            findings.add((complete.size() - distinct.size())
                    + " question(s) asked the same as another: ask each thing once");
        }
        for (QuestionDraft question : distinct) {
            if (BundledQuestions.isBundled(question)) {
                findings.add("\"" + question.questionEn() + "\" asks several things at once: make each of them a"
                        + " question of its own");
            }
        }
        if (distinct.size() < minimum) {
            findings.add("only " + distinct.size() + " distinct questions: write "
                    + (abstractOnly ? MAX_ABSTRACT_ITEMS : MAX_ITEMS));
        }
        if (!abstractOnly) {
            Set<Aspect> missing = EnumSet.allOf(Aspect.class);
            distinct.forEach(q -> missing.remove(q.aspect()));
            if (!missing.isEmpty()) {
                findings.add("no question covers " + missing + ": cover every aspect");
            }
        }
        return findings;
    }

    private Verdict answer(Run run, QuestionDraft question, List<Chunk> given) {
        String context = Chunk.numbered(given);
        List<String> findings = List.of();
        Verdict verdict = Verdict.rejected(List.of("no answer"));
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                run.reasked();
            }
            AnswerDraft draft;
            try {
                draft = run.record(client.answer(run.asked, question, context, findings));
            } catch (LlmOutputException e) {
                run.spent(e.usage());
                findings = List.of(e.getMessage() + ": reply with only the JSON object asked for");
                verdict = Verdict.rejected(findings);
                continue;
            }
            verdict = validator.check(question, draft, given, run.paper.metadata().title());
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

    /**
     * What one paper's calls have cost so far, which model answered, and what the checks did. Its answers are made
     * on several threads at once, hence the locking.
     */
    private static final class Run {
        final PaperFetched paper;
        /** The model asked; {@link #model} is the one the server says answered. */
        final String asked;
        final boolean abstractOnly;
        private final Spend spend;
        private String model;
        private int generated;
        private int reasked;
        private final List<String> dropReasons = new ArrayList<>();

        Run(PaperFetched paper, String asked, boolean abstractOnly, Spend spend) {
            this.paper = paper;
            this.asked = asked;
            this.abstractOnly = abstractOnly;
            this.spend = spend;
        }

        synchronized void drop(int count, String reason) {
            for (int i = 0; i < count; i++) {
                dropReasons.add(reason);
            }
        }

        synchronized void reasked() {
            reasked++;
        }

        synchronized void generated(int count) {
            generated = count;
        }

        void spent(TokenUsage more) {
            spend.add(more);
        }

        synchronized String model() {
            return model;
        }

        synchronized QualityReport quality(List<QuestionAnswer> kept) {
            int quotes = kept.stream().mapToInt(item -> item.evidence().size()).sum();
            return new QualityReport(generated, reasked, dropReasons.size(), dropReasons, 0, quotes);
        }

        synchronized <T> T record(LlmReply<T> reply) {
            spend.add(reply.usage());
            if (model == null) {
                model = reply.model();
            }
            return reply.content();
        }
    }
}

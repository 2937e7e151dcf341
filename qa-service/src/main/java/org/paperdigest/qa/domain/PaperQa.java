package org.paperdigest.qa.domain;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.paperdigest.events.QuestionAnswer;
import org.paperdigest.events.Stage;
import org.paperdigest.llm.LlmConfig;
import org.paperdigest.llm.LlmOutputException;
import org.paperdigest.llm.stage.Generated;
import org.paperdigest.llm.stage.LlmStage;
import org.paperdigest.llm.stage.Spend;
import org.paperdigest.qa.client.AnswerDraft;
import org.paperdigest.qa.client.PaperReader;
import org.paperdigest.qa.client.QaClient;
import org.paperdigest.qa.client.QuestionDraft;
import org.paperdigest.qa.config.QaConfig;

/**
 * The answer stage: questions and grounded answers for one paper, one call for the questions, then one call per
 * question, side by side, each given the whole paper when it fits {@code paperdigest.qa.context-tokens} and the best
 * of it otherwise ({@link ContextBudget}). Every reply is checked; a rejected one is re-asked once with the
 * findings. The paper keeps every answer that passes, and fails only when fewer than the configured minimum pass or
 * the model cannot be reached. A paper of which only the abstract could be read gets at most
 * {@link QuestionProposals#MAX_ABSTRACT_ITEMS} questions that the abstract answers, and keeps only the answers it
 * states.
 */
@ApplicationScoped
public class PaperQa implements LlmStage<Answers> {

    private static final Logger LOG = Logger.getLogger(PaperQa.class);
    private static final int ATTEMPTS = 2;
    private static final String NO_TEXT = "no text to answer from: the paper has neither extracted full text nor"
            + " an abstract; fetch it again or add it by a URL whose text can be read";

    private final QaClient client;
    private final QuestionProposals questions;
    private final QaConfig config;
    private final AnswerValidator validator = new AnswerValidator();
    /**
     * Answers of all papers in work share these threads; the LLM call slots ({@code paperdigest.llm
     * .max-concurrent-calls}) bound the calls. Twice as many threads as slots, so that a retry waiting out its
     * backoff does not leave a slot unused.
     */
    private final ExecutorService answering;

    PaperQa(QaClient client, QuestionProposals questions, QaConfig config, LlmConfig llm) {
        this.client = client;
        this.questions = questions;
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
        return Chunker.hasText(paper) ? Optional.empty() : Optional.of(NO_TEXT);
    }

    /** The event for this paper's issue, whether the answers were just made or stored for an earlier one. */
    @Override
    public PaperAnswered outcome(PaperFetched paper, Answers answers, Generation generation) {
        return new PaperAnswered(PaperAnswered.SCHEMA_VERSION, paper.issueId(), paper.paperKey(),
                paper.revision(), paper.paperVersion(), List.copyOf(answers.items()), generation);
    }

    /** Only the abstract was read: no full text, or a full text with nothing in it. */
    private static boolean abstractOnly(PaperFetched paper, List<Chunk> chunks) {
        return paper.contentLevel() == ContentLevel.ABSTRACT_ONLY
                || chunks.size() == 1 && Chunker.ABSTRACT.equals(chunks.get(0).section());
    }

    @Override
    public Generated<Answers> generate(PaperFetched paper, String model, Spend spend) {
        List<Chunk> chunks = new Chunker(config.chunkWords()).chunks(paper);
        if (chunks.isEmpty()) {
            return Generated.failed(NO_TEXT);
        }
        QaRun run = new QaRun(paper, model, abstractOnly(paper, chunks), spend);
        int minimum = run.abstractOnly ? config.minAnswersAbstractOnly() : config.minAnswers();
        try {
            List<QuestionDraft> questions = this.questions.propose(run, chunks, minimum);
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
    private List<Verdict> answerAll(QaRun run, List<QuestionDraft> questions, List<Chunk> chunks) {
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

    private Verdict answer(QaRun run, QuestionDraft question, List<Chunk> given) {
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

    private static String modelNote(QaRun run) {
        return " (prompt " + PaperReader.PROMPT_VERSION + ", model " + run.asked
                + "); a model that follows the instructions more closely may do better";
    }
}

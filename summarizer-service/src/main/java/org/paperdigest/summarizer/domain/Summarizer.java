package org.paperdigest.summarizer.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.Generation;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.events.QualityReport;
import org.paperdigest.events.Stage;
import org.paperdigest.events.TokenUsage;
import org.paperdigest.llm.LlmException;
import org.paperdigest.llm.LlmOutputException;
import org.paperdigest.llm.LlmReply;
import org.paperdigest.llm.persistence.GenerationKey;
import org.paperdigest.llm.persistence.GenerationStore;
import org.paperdigest.llm.persistence.IssueBudget;
import org.paperdigest.llm.persistence.StoredGeneration;
import org.paperdigest.summarizer.client.TranslationClient;
import org.paperdigest.summarizer.client.TranslationDraft;
import org.paperdigest.summarizer.client.Translator;

/**
 * Turns a fetched paper into its Japanese abstract and one-line summary, or into a failure that says why. A reply
 * that fails validation is re-asked once with the findings; a second failure is final. A summary is made once per
 * paper version, prompt version and model: a paper seen again gets the stored one, without an LLM call.
 */
@ApplicationScoped
public class Summarizer {

    private static final Logger LOG = Logger.getLogger(Summarizer.class);
    private static final int ATTEMPTS = 2;

    private final TranslationClient client;
    private final GenerationStore store;
    private final IssueBudget budget;
    private final TranslationValidator validator = new TranslationValidator();

    Summarizer(TranslationClient client, GenerationStore store, IssueBudget budget) {
        this.client = client;
        this.store = store;
        this.budget = budget;
    }

    public DigestEvent summarize(PaperFetched paper) {
        String abstractText = paper.metadata().abstractText();
        if (abstractText == null || abstractText.isBlank()) {
            return failed(paper, "no abstract to translate: the paper's metadata has none; add the abstract at the"
                    + " source (" + paper.metadata().url() + ") or fetch the paper again once it has one");
        }
        String model = client.modelFor(paper);
        GenerationKey key = GenerationKey.of(paper, Translator.PROMPT_VERSION, model);
        Optional<StoredGeneration<Summary>> stored = store.find(key, Summary.class);
        if (stored.isPresent()) {
            LOG.infof("%s: summary of %s reused, no LLM call", paper.paperKey(),
                    stored.get().generation().generatedAt());
            return summarized(paper, stored.get().result(), stored.get().generation());
        }
        Optional<String> refusal = budget.refusal(paper.issueId());
        if (refusal.isPresent()) {
            return failed(paper, refusal.get());
        }
        DigestEvent outcome = generate(paper, model, abstractText);
        if (outcome instanceof PaperSummarized summary) {
            store.save(key, new Summary(summary.abstractJa(), summary.summaryJa()), summary.generation());
        }
        return outcome;
    }

    private DigestEvent generate(PaperFetched paper, String model, String abstractText) {
        TranslationSource source = TranslationSource.of(paper.metadata().title(), abstractText);
        TokenUsage usage = TokenUsage.NONE;
        List<String> findings = List.of();
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                LlmReply<TranslationDraft> reply;
                try {
                    reply = client.translate(model, source.title(), source.protectedSpans(), source.abstractText(),
                            findings);
                } catch (LlmOutputException e) {
                    usage = usage.plus(e.usage());
                    findings = List.of(e.getMessage() + ": reply with only the JSON object asked for");
                    LOG.infof("%s: attempt %d unusable: %s", paper.paperKey(), attempt, e.getMessage());
                    continue;
                } catch (LlmException e) {
                    return failed(paper, "the LLM call failed: " + e.getMessage());
                }
                usage = usage.plus(reply.usage());
                findings = validator.check(source, reply.content());
                if (findings.isEmpty()) {
                    // One translation is asked for; a re-ask replaces it, so only a failing paper drops anything.
                    QualityReport quality = new QualityReport(attempt, attempt - 1, 0, List.of(),
                            source.protectedSpans().size(), 0);
                    return summarized(paper, reply, usage, quality);
                }
                LOG.infof("%s: attempt %d rejected: %s", paper.paperKey(), attempt, findings);
            }
            return failed(paper, "the model's translation failed validation twice (prompt "
                    + Translator.PROMPT_VERSION + ", model " + model + "): "
                    + TranslationValidator.describe(findings)
                    + ". Use a model that writes Japanese and keeps protected text exactly, then re-run the paper");
        } finally {
            budget.charge(paper.issueId(), usage);
        }
    }

    private static PaperSummarized summarized(PaperFetched paper, LlmReply<TranslationDraft> reply, TokenUsage usage,
            QualityReport quality) {
        // Microseconds: what the store keeps, so a reuse carries exactly the time the first event carried.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Generation generation = new Generation(reply.model(), Translator.PROMPT_VERSION, now, usage, quality);
        Summary summary = new Summary(reply.content().abstractJa().strip(),
                reply.content().summaryJa().strip().replaceAll("\\s*\\R\\s*", " "));
        return summarized(paper, summary, generation);
    }

    /** The event for this paper's issue, whether the summary was just made or stored for an earlier one. */
    private static PaperSummarized summarized(PaperFetched paper, Summary summary, Generation generation) {
        return new PaperSummarized(PaperSummarized.SCHEMA_VERSION, paper.issueId(), paper.paperKey(),
                paper.revision(), paper.paperVersion(), summary.abstractJa(), summary.summaryJa(), generation);
    }

    private static PaperFailed failed(PaperFetched paper, String reason) {
        LOG.warnf("%s: summary failed: %s", paper.paperKey(), reason);
        return new PaperFailed(PaperFailed.SCHEMA_VERSION, paper.issueId(), paper.paperKey(), paper.revision(),
                Stage.SUMMARIZE, reason, Instant.now());
    }
}

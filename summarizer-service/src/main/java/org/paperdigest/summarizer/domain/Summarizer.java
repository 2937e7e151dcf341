package org.paperdigest.summarizer.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.paperdigest.events.Generation;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.events.QualityReport;
import org.paperdigest.events.Stage;
import org.paperdigest.llm.LlmOutputException;
import org.paperdigest.llm.LlmReply;
import org.paperdigest.llm.stage.Generated;
import org.paperdigest.llm.stage.LlmStage;
import org.paperdigest.llm.stage.Spend;
import org.paperdigest.summarizer.client.TranslationClient;
import org.paperdigest.summarizer.client.TranslationDraft;
import org.paperdigest.summarizer.client.Translator;

/**
 * The summarize stage: a fetched paper's Japanese abstract and one-line summary. A reply that fails validation is
 * re-asked once with the findings; a second failure is final.
 */
@ApplicationScoped
public class Summarizer implements LlmStage<Summary> {

    private static final Logger LOG = Logger.getLogger(Summarizer.class);
    private static final int ATTEMPTS = 2;

    private final TranslationClient client;
    private final TranslationValidator validator = new TranslationValidator();

    Summarizer(TranslationClient client) {
        this.client = client;
    }

    @Override
    public Stage stage() {
        return Stage.SUMMARIZE;
    }

    @Override
    public String promptVersion() {
        return Translator.PROMPT_VERSION;
    }

    @Override
    public Class<Summary> resultType() {
        return Summary.class;
    }

    @Override
    public Optional<String> unworkable(PaperFetched paper) {
        String abstractText = paper.metadata().abstractText();
        if (abstractText == null || abstractText.isBlank()) {
            return Optional.of("no abstract to translate: the paper's metadata has none; add the abstract at the"
                    + " source (" + paper.metadata().url() + ") or fetch the paper again once it has one");
        }
        return Optional.empty();
    }

    @Override
    public Generated<Summary> generate(PaperFetched paper, String model, Spend spend) {
        TranslationSource source = TranslationSource.of(paper.metadata().title(), paper.metadata().abstractText());
        List<String> findings = List.of();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            LlmReply<TranslationDraft> reply;
            try {
                reply = client.translate(model, source.title(), source.protectedSpans(), source.abstractText(),
                        findings);
            } catch (LlmOutputException e) {
                spend.add(e.usage());
                findings = List.of(e.getMessage() + ": reply with only the JSON object asked for");
                LOG.infof("%s: attempt %d unusable: %s", paper.paperKey(), attempt, e.getMessage());
                continue;
            }
            spend.add(reply.usage());
            findings = validator.check(source, reply.content());
            if (findings.isEmpty()) {
                // One translation is asked for; a re-ask replaces it, so only a failing paper drops anything.
                QualityReport quality = new QualityReport(attempt, attempt - 1, 0, List.of(),
                        source.protectedSpans().size(), 0);
                Summary summary = new Summary(reply.content().abstractJa().strip(),
                        reply.content().summaryJa().strip().replaceAll("\\s*\\R\\s*", " "));
                return Generated.made(summary, reply.model(), quality);
            }
            LOG.infof("%s: attempt %d rejected: %s", paper.paperKey(), attempt, findings);
        }
        return Generated.failed("the model's translation failed validation twice (prompt "
                + Translator.PROMPT_VERSION + ", model " + model + "): " + TranslationValidator.describe(findings)
                + ". Use a model that writes Japanese and keeps protected text exactly, then re-run the paper");
    }

    @Override
    public PaperSummarized outcome(PaperFetched paper, Summary summary, Generation generation) {
        return new PaperSummarized(PaperSummarized.SCHEMA_VERSION, paper.issueId(), paper.paperKey(),
                paper.revision(), paper.paperVersion(), summary.abstractJa(), summary.summaryJa(), generation);
    }
}

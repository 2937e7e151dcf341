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
 * The summarize stage: a fetched paper's Japanese abstract, one-line summary and key results. A reply that fails
 * validation is re-asked once with the findings; a second failure of the translation is final, while key results
 * that fail twice are only left out.
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
        KeyResultsCheck keyResults = KeyResultsCheck.of(paper);
        List<String> findings = List.of();
        Accepted earlier = null;
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
            List<String> translationFindings = validator.check(source, reply.content());
            if (translationFindings.isEmpty()) {
                KeyResultsCheck.Checked checked = keyResults.check(reply.content().keyResultsJa());
                Accepted accepted = new Accepted(reply, checked, attempt);
                if (checked.findings().isEmpty() || attempt == ATTEMPTS) {
                    return made(source, accepted);
                }
                // The translation stands; the re-ask is for the key results, and keeps this one if it fails.
                earlier = accepted;
                findings = checked.findings();
            } else if (earlier != null) {
                return made(source, earlier.reasked());
            } else {
                findings = translationFindings;
            }
            LOG.infof("%s: attempt %d rejected: %s", paper.paperKey(), attempt, findings);
        }
        if (earlier != null) {
            return made(source, earlier.reasked());
        }
        return Generated.failed("the model's translation failed validation twice (prompt "
                + Translator.PROMPT_VERSION + ", model " + model + "): " + TranslationValidator.describe(findings)
                + ". Use a model that writes Japanese and keeps protected text exactly, then re-run the paper");
    }

    /**
     * One translation is asked for; a re-ask replaces it, so only key result lines are ever dropped, each with the
     * finding that dropped it.
     */
    private static Generated<Summary> made(TranslationSource source, Accepted accepted) {
        TranslationDraft draft = accepted.reply().content();
        List<String> dropped = accepted.checked().findings();
        QualityReport quality = new QualityReport(accepted.attempts(), accepted.attempts() - 1, dropped.size(),
                dropped, source.protectedSpans().size(), 0);
        Summary summary = new Summary(draft.abstractJa().strip(),
                draft.summaryJa().strip().replaceAll("\\s*\\R\\s*", " "),
                accepted.checked().kept());
        return Generated.made(summary, accepted.reply().model(), quality);
    }

    /** A reply whose translation passed, with its checked key results, after {@code attempts} calls. */
    private record Accepted(LlmReply<TranslationDraft> reply, KeyResultsCheck.Checked checked, int attempts) {

        /** The same reply, once a re-ask for its key results was made and did not replace it. */
        Accepted reasked() {
            return new Accepted(reply, checked, attempts + 1);
        }
    }

    @Override
    public PaperSummarized outcome(PaperFetched paper, Summary summary, Generation generation) {
        return new PaperSummarized(PaperSummarized.SCHEMA_VERSION, paper.issueId(), paper.paperKey(),
                paper.revision(), paper.paperVersion(), summary.abstractJa(), summary.summaryJa(), summary.keyResultsJa(), generation);
    }
}

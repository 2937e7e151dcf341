package org.paperdigest.summarizer.client;

import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.llm.LlmCalls;
import org.paperdigest.llm.LlmException;
import org.paperdigest.llm.LlmOutputException;
import org.paperdigest.llm.LlmReply;
import org.paperdigest.llm.LlmUnavailableException;
import org.paperdigest.llm.PaperText;
import org.paperdigest.llm.RetryMeter;

/**
 * The one way to the translation model. It renders the prompt inputs and owns the retries; each attempt goes
 * through {@link LlmCalls}, which waits out a server's {@code Retry-After}, meters the tokens and maps the errors.
 * Retry counts and delays can be overridden with
 * {@code quarkus.fault-tolerance."org.paperdigest.summarizer.client.TranslationClient".retry.*}.
 */
@ApplicationScoped
public class TranslationClient {

    private final Translator translator;
    private final LlmCalls llm;

    TranslationClient(Translator translator, LlmCalls llm) {
        this.translator = translator;
        this.llm = llm;
    }

    /**
     * @param model          the model to ask ({@link #modelFor} the paper)
     * @param protectedSpans strings the reply must keep byte for byte
     * @param problems       findings on the previous reply, empty on the first try
     * @throws LlmOutputException      the reply was not the JSON asked for
     * @throws LlmUnavailableException the server still failed after the retries
     * @throws LlmException            the server refused the request (key, model, request shape)
     */
    @Retry(maxRetries = 3, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            maxDuration = 10, durationUnit = ChronoUnit.MINUTES, retryOn = LlmUnavailableException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
    @BeforeRetry(RetryMeter.class)
    public LlmReply<TranslationDraft> translate(String model, String title, List<String> protectedSpans,
            String abstractText, List<String> problems) {
        // The paper's text, and findings that quote the model's reply to it, are data: they cannot form our tags.
        String spans = protectedSpans.stream().map(s -> "<span>" + PaperText.neutralised(s) + "</span>")
                .collect(Collectors.joining("\n"));
        String findings = PaperText.bulleted(problems);
        return llm.call(model, () -> translator.translate(PaperText.neutralised(title), spans,
                PaperText.neutralised(abstractText), findings));
    }

    public String modelFor(PaperFetched paper) {
        return llm.modelFor(paper);
    }
}

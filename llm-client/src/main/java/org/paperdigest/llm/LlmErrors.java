package org.paperdigest.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.service.output.OutputParsingException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.paperdigest.events.TokenUsage;
import org.paperdigest.llm.LlmUnavailableException.Reason;

/**
 * Turns whatever the LLM stack threw into one of our exceptions, with a reason an operator can act on: which
 * setting to check, or that the server was merely unavailable.
 */
final class LlmErrors {

    private static final int MAX_BODY = 300;

    private LlmErrors() {
    }

    /** @param spent what the call's responses cost so far (an unparseable reply was still paid for) */
    static LlmException classify(RuntimeException e, String baseUrl, String model, TokenUsage spent) {
        if (e instanceof LlmException known) {
            return known;
        }
        if (e instanceof OutputParsingException || causedBy(e, JsonProcessingException.class) != null) {
            return new LlmOutputException("the reply was not the JSON object asked for (" + brief(e) + ")", e, spent);
        }
        HttpException http = causedBy(e, HttpException.class);
        int status = http == null ? -1 : http.statusCode();
        String body = http == null ? brief(e) : excerpt(http.getMessage());
        if (status == 429) {
            return new LlmUnavailableException("the LLM server at " + baseUrl
                    + " kept answering 429 Too Many Requests (" + body
                    + "); lower the request rate or raise the account's limit", e, Reason.RATE_LIMITED);
        }
        if (status == 401 || status == 403) {
            return new LlmException("the LLM server at " + baseUrl + " refused the API key (HTTP " + status
                    + "); set QUARKUS_LANGCHAIN4J_OPENAI_API_KEY", e);
        }
        if (status == 404) {
            return new LlmException("the LLM server at " + baseUrl + " knows no model \"" + model
                    + "\" or no such endpoint (HTTP 404); check QUARKUS_LANGCHAIN4J_OPENAI_CHAT_MODEL_MODEL_NAME and"
                    + " QUARKUS_LANGCHAIN4J_OPENAI_BASE_URL (it must end in /v1)", e);
        }
        if (status >= 400 && status < 500) {
            return new LlmException("the LLM server at " + baseUrl + " rejected the request (HTTP " + status + ": "
                    + body + "); if it does not support response_format json_schema, set"
                    + " QUARKUS_LANGCHAIN4J_OPENAI_CHAT_MODEL_RESPONSE_FORMAT=json_object", e);
        }
        if (status >= 500 || e instanceof RetriableException || causedBy(e, IOException.class) != null
                || causedBy(e, TimeoutException.class) != null
                || causedBy(e, jakarta.ws.rs.ProcessingException.class) != null) {
            String what = status >= 500 ? "HTTP " + status + ": " + body : body;
            Reason reason = status >= 500 ? Reason.SERVER_ERROR : timedOut(e) ? Reason.TIMEOUT : Reason.UNREACHABLE;
            return new LlmUnavailableException("the LLM server at " + baseUrl + " did not answer (" + what
                    + "); check that it is running and reachable", e, reason);
        }
        if (e instanceof NonRetriableException) {
            return new LlmException("the LLM server at " + baseUrl + " rejected the request (" + body + ")", e);
        }
        return new LlmException("the LLM call failed unexpectedly (" + brief(e) + ")", e);
    }

    /**
     * Each HTTP stack names its timeout differently (JDK, Vert.x, Netty, LangChain4j), but always with "Timeout" in
     * the exception's class name.
     */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T causedBy(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String brief(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + excerpt(message));
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_BODY ? flat : flat.substring(0, MAX_BODY) + "…";
    }
}

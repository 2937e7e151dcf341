package org.paperdigest.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.service.output.OutputParsingException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.TokenUsage;
import org.paperdigest.llm.LlmUnavailableException.Reason;

class LlmErrorsTest {

    static final String URL = "http://llm.example/v1";

    @Test
    void serverErrorsAndRateLimitsAreWorthRetrying() {
        LlmException e = classify(new InternalServerException("boom", new HttpException(503, "{\"error\":\"overloaded\"}")));
        assertInstanceOf(LlmUnavailableException.class, e);
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());

        assertInstanceOf(LlmUnavailableException.class, classify(new RateLimitException("slow down", new HttpException(429, "x"))));
        assertInstanceOf(LlmUnavailableException.class, classify(new ProcessingException(new ConnectException("refused"))));
    }

    @Test
    void anUnavailableServerIsTaggedWithWhy() {
        assertEquals(Reason.SERVER_ERROR, reason(new InternalServerException("boom", new HttpException(500, "x"))));
        assertEquals(Reason.RATE_LIMITED, reason(new RateLimitException("slow down", new HttpException(429, "x"))));
        assertEquals(Reason.TIMEOUT, reason(new ProcessingException(new SocketTimeoutException("read timed out"))));
        assertEquals(Reason.TIMEOUT, reason(new ProcessingException(new TimeoutException("2000ms exceeded"))));
        assertEquals(Reason.UNREACHABLE, reason(new ProcessingException(new ConnectException("refused"))));
    }

    private static Reason reason(RuntimeException e) {
        return assertInstanceOf(LlmUnavailableException.class, classify(e)).reason();
    }

    @Test
    void aRefusedKeyOrRequestNamesTheSettingToFix() {
        LlmException key = classify(new AuthenticationException("no", new HttpException(401, "bad key")));
        assertTrue(!(key instanceof LlmUnavailableException) && key.getMessage().contains("QUARKUS_LANGCHAIN4J_OPENAI_API_KEY"));

        LlmException format = classify(new InvalidRequestException("bad", new HttpException(400, "response_format json_schema unsupported")));
        assertTrue(!(format instanceof LlmUnavailableException));
        assertTrue(format.getMessage().contains("RESPONSE_FORMAT=json_object"), format.getMessage());
    }

    @Test
    void anUnparseableReplyIsAnOutputProblemThatWasStillPaidFor() {
        TokenUsage spent = new TokenUsage(900, 12);

        LlmException e = LlmErrors.classify(new OutputParsingException("not json", null), URL, "gpt-4o-mini", spent);

        assertEquals(spent, assertInstanceOf(LlmOutputException.class, e).usage());
    }

    private static LlmException classify(RuntimeException e) {
        return LlmErrors.classify(e, URL, "gpt-4o-mini", TokenUsage.NONE);
    }
}

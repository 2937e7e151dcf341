package org.paperdigest.llm;

/** The server could not answer now (rate limit, 5xx, timeout, connection refused): worth retrying. */
public class LlmUnavailableException extends LlmException {

    public LlmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.paperdigest.llm;

/**
 * The circuit breaker refused the call without contacting the server, because the server failed repeatedly just
 * before. Not an {@link LlmUnavailableException}, so retries do not wait on it: the paper fails fast instead.
 */
public class LlmCircuitOpenException extends LlmException {

    public LlmCircuitOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.paperdigest.llm;

import java.util.Locale;

/** The server could not answer now (rate limit, 5xx, timeout, connection refused): worth retrying. */
public class LlmUnavailableException extends LlmException {

    /** Why there was no answer; its {@link #tag()} is the {@code reason} of the retry metrics. */
    public enum Reason {
        RATE_LIMITED, SERVER_ERROR, TIMEOUT, UNREACHABLE, INTERRUPTED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public LlmUnavailableException(String message, Throwable cause, Reason reason) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

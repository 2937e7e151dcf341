package org.paperdigest.llm;

import org.paperdigest.events.TokenUsage;

/**
 * The server answered, but not with the JSON object asked for: worth one re-ask, not a retry of the same prompt.
 * The unusable answer was still paid for; {@link #usage()} says how much.
 */
public class LlmOutputException extends LlmException {

    private final transient TokenUsage usage;

    public LlmOutputException(String message, Throwable cause, TokenUsage usage) {
        super(message, cause);
        this.usage = usage;
    }

    public TokenUsage usage() {
        return usage;
    }
}

package org.paperdigest.events;

/**
 * Tokens an LLM call consumed, as the server reported them.
 *
 * @param cachedInputTokens the part of {@code inputTokens} the server read from its prompt cache (a repeated prompt
 *                          prefix, such as a paper's text asked about again); 0 where the server does not report it
 */
public record TokenUsage(int inputTokens, int outputTokens, int cachedInputTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    public TokenUsage(int inputTokens, int outputTokens) {
        this(inputTokens, outputTokens, 0);
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cachedInputTokens + other.cachedInputTokens);
    }
}

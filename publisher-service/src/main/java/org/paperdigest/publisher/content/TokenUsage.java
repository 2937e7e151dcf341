package org.paperdigest.publisher.content;

/**
 * Tokens a generation consumed, as the server reported them.
 *
 * @param cachedInputTokens the part of {@code inputTokens} read from the server's prompt cache; 0 in revisions stored
 *                          before it was recorded
 */
public record TokenUsage(int inputTokens, int outputTokens, int cachedInputTokens) {
}

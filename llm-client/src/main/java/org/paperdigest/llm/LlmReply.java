package org.paperdigest.llm;

import org.paperdigest.events.TokenUsage;

/**
 * A parsed model reply with what it cost.
 *
 * @param model the model name the server reported, else the configured one
 */
public record LlmReply<T>(T content, TokenUsage usage, String model) {
}

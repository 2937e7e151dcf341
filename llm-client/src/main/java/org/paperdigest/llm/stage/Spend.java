package org.paperdigest.llm.stage;

import org.paperdigest.events.TokenUsage;

/** What one paper's LLM calls have cost so far. A stage may make its calls on several threads at once. */
public final class Spend {

    private TokenUsage total = TokenUsage.NONE;

    public synchronized void add(TokenUsage usage) {
        total = total.plus(usage);
    }

    public synchronized TokenUsage total() {
        return total;
    }
}

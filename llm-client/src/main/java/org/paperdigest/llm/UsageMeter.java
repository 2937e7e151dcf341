package org.paperdigest.llm;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import org.paperdigest.events.TokenUsage;

/**
 * Counts the tokens, and notes the model, of the LLM responses received on the current thread while a
 * {@link Tally} is open. AI services could return {@code Result<T>} for this, but Quarkus LangChain4j 1.10 then
 * sends the JSON schema of {@code Result} instead of {@code T} (quarkus-langchain4j issue 2734), so the usage is
 * taken from the model's listener instead. The listener runs on the calling thread: chat calls here are blocking.
 */
@ApplicationScoped
public class UsageMeter implements ChatModelListener {

    private final ThreadLocal<Tally> current = new ThreadLocal<>();

    /** Starts counting this thread's responses; close the tally when the call is over. */
    public Tally start() {
        Tally tally = new Tally();
        current.set(tally);
        return tally;
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        Tally tally = current.get();
        if (tally != null) {
            tally.add(context.chatResponse());
        }
    }

    /** What the responses of one call cost, including those whose content could not be used. */
    public final class Tally implements AutoCloseable {

        private TokenUsage usage = TokenUsage.NONE;
        private String model;

        void add(ChatResponse response) {
            dev.langchain4j.model.output.TokenUsage tokens = response.tokenUsage();
            if (tokens != null) {
                usage = usage.plus(new TokenUsage(orZero(tokens.inputTokenCount()), orZero(tokens.outputTokenCount()),
                        cached(tokens)));
            }
            if (response.modelName() != null && !response.modelName().isBlank()) {
                model = response.modelName();
            }
        }

        public TokenUsage usage() {
            return usage;
        }

        /** The model name the server reported, else {@code configured}. */
        public String model(String configured) {
            return model == null ? configured : model;
        }

        @Override
        public void close() {
            current.remove();
        }

        /** The input tokens the server read from its prompt cache, where it says (OpenAI, vLLM, recent Ollama). */
        private static int cached(dev.langchain4j.model.output.TokenUsage tokens) {
            return tokens instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null
                    ? orZero(openAi.inputTokensDetails().cachedTokens()) : 0;
        }

        private static int orZero(Integer count) {
            return count == null ? 0 : count;
        }
    }
}

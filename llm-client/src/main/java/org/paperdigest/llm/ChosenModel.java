package org.paperdigest.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The chat model of the AI services ({@code @RegisterAiService(chatLanguageModelSupplier = ChosenModel.class)}):
 * the configured model, except while {@link LlmCalls} makes a call for a paper that asks for another model (a
 * regeneration with a model override); then the request names that model. One connection, key and set of
 * listeners serve every model of the same server, so a model named at run time needs no configuration of its own.
 * The choice is per thread: AI service calls here are blocking and run on the caller's thread. Every AI service
 * here answers with a record, so each reply is cut down to the JSON object it holds ({@link JsonReply}): a server
 * asked for {@code json_object} may wrap it in a code fence or a sentence, or stop before it closes, and such a
 * reply fails here as unusable ({@link LlmOutputException} once {@link LlmCalls} has classified it).
 */
@ApplicationScoped
@Unremovable // looked up by the AI services at run time, which the bean discovery cannot see
public class ChosenModel implements Supplier<ChatModel> {

    private final ThreadLocal<String> chosen = new ThreadLocal<>();
    private final ChatModel configured;

    ChosenModel(ChatModel configured) {
        this.configured = configured;
    }

    @Override
    public ChatModel get() {
        return new Routing();
    }

    /** Runs {@code call} with requests naming {@code model}; null keeps the configured model's name. */
    <T> T during(String model, Supplier<T> call) {
        if (model == null) {
            return call.get();
        }
        chosen.set(model);
        try {
            return call.get();
        } finally {
            chosen.remove();
        }
    }

    private ChatRequest named(ChatRequest request) {
        String model = chosen.get();
        if (model == null) {
            return request;
        }
        ChatRequestParameters choice = ChatRequestParameters.builder().modelName(model).build();
        return request.toBuilder().parameters(request.parameters().overrideWith(choice)).build();
    }

    /** The reply with its text cut down to the JSON object it holds; one without a whole object is refused. */
    private static ChatResponse objectOf(ChatResponse response) {
        AiMessage message = response.aiMessage();
        if (message == null || message.text() == null) {
            return response;
        }
        String object = JsonReply.objectIn(message.text());
        return object.equals(message.text()) ? response
                : response.toBuilder().aiMessage(message.toBuilder().text(object).build()).build();
    }

    /** The configured model, with the chosen model's name put into each request and the JSON read out of replies. */
    private final class Routing implements ChatModel {

        @Override
        public ChatResponse chat(ChatRequest request) {
            return objectOf(configured.chat(named(request)));
        }

        @Override
        public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
            return objectOf(configured.chat(named(request), options));
        }

        @Override
        public ChatRequestParameters defaultRequestParameters() {
            return configured.defaultRequestParameters();
        }

        @Override
        public Set<Capability> supportedCapabilities() {
            return configured.supportedCapabilities();
        }

        @Override
        public ModelProvider provider() {
            return configured.provider();
        }

        @Override
        public List<ChatModelListener> listeners() {
            // The configured model calls its listeners (the usage meter among them) itself.
            return List.of();
        }
    }
}

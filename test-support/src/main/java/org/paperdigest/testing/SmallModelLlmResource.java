package org.paperdigest.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The fake LLM for a service configured as for a server without {@code json_schema} support: its requests ask for
 * {@code response_format json_object}, which the fake answers like a small local model once a test turns that on
 * ({@link SmallModelFlowTest}).
 */
public class SmallModelLlmResource extends FakeLlmResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("quarkus.langchain4j.openai.chat-model.response-format", "json_object");
        return config;
    }
}

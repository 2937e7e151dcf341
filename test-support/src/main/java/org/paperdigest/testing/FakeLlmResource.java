package org.paperdigest.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the fake OpenAI-compatible server and points the service's LLM client at it. */
public class FakeLlmResource implements QuarkusTestResourceLifecycleManager {

    private FakeOpenAiServer server;

    @Override
    public Map<String, String> start() {
        server = FakeOpenAiServer.start();
        return Map.of("quarkus.langchain4j.openai.base-url", server.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeLlm.class, FakeOpenAiServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}

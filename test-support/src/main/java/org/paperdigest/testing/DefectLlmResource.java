package org.paperdigest.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the fake OpenAI-compatible server behind a {@link DefectInjector} and points the service's LLM client at
 * the injector. Fields marked {@link InjectFakeLlm} receive the server or the injector, by their type.
 */
public class DefectLlmResource implements QuarkusTestResourceLifecycleManager {

    private FakeOpenAiServer server;
    private DefectInjector injector;

    @Override
    public Map<String, String> start() {
        server = FakeOpenAiServer.start();
        injector = DefectInjector.start(server);
        return Map.of("quarkus.langchain4j.openai.base-url", injector.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeLlm.class, FakeOpenAiServer.class));
        testInjector.injectIntoFields(injector,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeLlm.class, DefectInjector.class));
    }

    @Override
    public void stop() {
        if (injector != null) {
            injector.close();
        }
        if (server != null) {
            server.close();
        }
    }
}

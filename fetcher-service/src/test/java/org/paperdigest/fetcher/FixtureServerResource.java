package org.paperdigest.fetcher;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.paperdigest.testing.FixtureServer;

/** Starts the fixture server before the application and points the fetcher's remotes at it. */
public class FixtureServerResource implements QuarkusTestResourceLifecycleManager {

    /** Marks a test field that receives the running {@link FixtureServer}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    public static final String CONTACT = "fetcher-tests@paperdigest.invalid";

    private FixtureServer server;

    @Override
    public Map<String, String> start() {
        server = FixtureServer.start();
        return Map.of(
                "paperdigest.fetcher.readme-url", server.readmeUrl(),
                "paperdigest.fetcher.arxiv.api-url", server.arxivApiUrl(),
                "paperdigest.fetcher.arxiv.pdf-base-url", server.arxivPdfBaseUrl(),
                "paperdigest.fetcher.arxiv.html-base-url", server.arxivHtmlBaseUrl(),
                "paperdigest.fetcher.contact", CONTACT);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, FixtureServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}

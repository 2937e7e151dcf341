package org.paperdigest.fetcher.config;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Builds a REST client with our timeouts and User-Agent; status codes are mapped by the class that owns it. */
public final class RestClients {

    private RestClients() {
    }

    public static <T> T build(Class<T> api, URI baseUri, FetcherConfig config) {
        return build(api, baseUri, config, true);
    }

    /** With {@code followRedirects} off, 3xx answers reach the caller, which checks each hop itself. */
    public static <T> T build(Class<T> api, URI baseUri, FetcherConfig config, boolean followRedirects) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(config.http().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.http().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(followRedirects)
                .userAgent(UserAgent.of(config))
                // Every status is handled by the owning class, with a message a person can act on.
                .disableDefaultMapper(true)
                .build(api);
    }

    /** The innermost cause's message: what went wrong on the wire, without the layers that wrapped it. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

package org.paperdigest.publisher.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Decides which URLs from papers and the weekly list may become links: absolute http(s) URLs with a host only. */
public final class HttpUrl {

    private HttpUrl() {
    }

    /** The URL, stripped, when it is an absolute http or https URL; empty for anything else (javascript:, data:…). */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            return web && uri.getHost() != null ? Optional.of(trimmed) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}

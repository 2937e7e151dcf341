package org.paperdigest.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** The identity of a paper across events: {@code arxiv:<id>} or {@code url:<hash>}. */
public final class PaperKeys {

    private static final Pattern VERSION_SUFFIX = Pattern.compile("v\\d+$");

    private PaperKeys() {
    }

    /** {@code 2311.13581v2} → {@code arxiv:2311.13581}; the version travels in the payload. */
    public static String arxiv(String arxivId) {
        return "arxiv:" + VERSION_SUFFIX.matcher(arxivId.trim()).replaceFirst("");
    }

    /** {@code url:} and the first 12 hex digits of the SHA-256 of the normalized URL. */
    public static String url(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalize(url).getBytes(StandardCharsets.UTF_8));
            return "url:" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case scheme and host, no default port, no fragment, no trailing slash; http and https alike. */
    static String normalize(String url) {
        try {
            URI uri = new URI(url.trim()).normalize();
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return host + (port == -1 || port == 80 || port == 443 ? "" : ":" + port) + path + query;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
    }

    public static boolean isArxiv(String paperKey) {
        return paperKey.startsWith("arxiv:");
    }
}

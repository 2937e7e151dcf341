package org.paperdigest.publisher.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One representation as it is served: its media type, its bytes, and its strong ETag, a SHA-256 over the media type
 * and the text, so that the same text served as another type never shares a tag with it.
 */
public record StoredRender(String mediaType, byte[] body, String etag) {

    public static StoredRender of(String mediaType, String text) {
        return new StoredRender(mediaType, text.getBytes(StandardCharsets.UTF_8), etag(mediaType, text));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String etag(String mediaType, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((mediaType + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

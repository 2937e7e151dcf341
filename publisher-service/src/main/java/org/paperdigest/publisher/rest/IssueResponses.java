package org.paperdigest.publisher.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one place that decides how an issue's representations (HTML, Markdown, JSON) may be cached. A published
 * one gets a strong ETag over its media type and bytes and answers {@code 304} to a matching If-None-Match.
 * At the issue's own URL caches may keep it but must revalidate, because a regeneration replaces the latest
 * revision behind that URL; at a revision's own URL it never changes, so caches may keep it for a year unasked.
 * An issue still being made changes any second: nothing may store it.
 */
final class IssueResponses {

    static final String REVALIDATE = "public, no-cache";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NO_STORE = "no-store";

    private IssueResponses() {
    }

    /** The issue's latest published revision, at the issue's own URL. */
    static Response published(Request request, String body, String mediaType) {
        return tagged(request, body, mediaType, REVALIDATE);
    }

    /** One revision at its own URL, which shows it as it was published for good. */
    static Response revision(Request request, String body, String mediaType) {
        return tagged(request, body, mediaType, IMMUTABLE);
    }

    static Response inProgress(String body, String mediaType) {
        return Response.ok(body, MediaType.valueOf(mediaType)).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    private static Response tagged(Request request, String body, String mediaType, String cacheControl) {
        EntityTag tag = new EntityTag(sha256(mediaType + "\n" + body));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = notModified != null
                ? notModified
                : Response.ok(body, MediaType.valueOf(mediaType));
        return response.tag(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

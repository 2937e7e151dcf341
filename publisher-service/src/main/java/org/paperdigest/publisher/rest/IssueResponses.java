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
 * one gets a strong ETag over its media type and bytes and answers {@code 304} to a matching If-None-Match;
 * caches may keep it but revalidate, because a regeneration replaces the latest revision behind the same URL.
 * An issue still being made changes any second: nothing may store it.
 */
final class IssueResponses {

    static final String REVALIDATE = "public, no-cache";
    static final String NO_STORE = "no-store";

    private IssueResponses() {
    }

    static Response published(Request request, String body, String mediaType) {
        EntityTag tag = new EntityTag(sha256(mediaType + "\n" + body));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = notModified != null
                ? notModified
                : Response.ok(body, MediaType.valueOf(mediaType));
        return response.tag(tag).header(HttpHeaders.CACHE_CONTROL, REVALIDATE).build();
    }

    static Response inProgress(String body, String mediaType) {
        return Response.ok(body, MediaType.valueOf(mediaType)).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
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

package org.paperdigest.publisher.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.paperdigest.publisher.domain.LiveIssue;
import org.paperdigest.publisher.domain.StoredRender;

/**
 * The one place that decides how an issue's representations (HTML, Markdown, JSON, the feed) may be cached, for the
 * resources and for {@link MemoryReadRoute} alike ({@link Cached}). A published one gets a strong ETag over its
 * media type and bytes and answers {@code 304} to a matching If-None-Match. At the issue's own URL caches may keep
 * it but must revalidate, because a regeneration replaces the latest revision behind that URL; at a revision's own
 * URL it never changes, so caches may keep it for a year unasked. An issue still being made changes any second:
 * nothing may store it.
 */
final class IssueResponses {

    static final String REVALIDATE = "public, no-cache";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NO_STORE = "no-store";

    /** A representation with its Cache-Control; {@code tagged} ones carry their ETag and may be answered 304. */
    record Cached(StoredRender render, String cacheControl, boolean tagged) {

        /** The issue's latest published revision (or the feed), at the issue's own URL. */
        static Cached latest(StoredRender render) {
            return new Cached(render, REVALIDATE, true);
        }

        /** One revision at its own URL, which shows it as it was published for good. */
        static Cached revision(StoredRender render) {
            return new Cached(render, IMMUTABLE, true);
        }

        /** An issue's live JSON: like the latest revision once it carries one, else stored nowhere. */
        static Cached live(LiveIssue issue) {
            return issue.published() ? latest(issue.json()) : new Cached(issue.json(), NO_STORE, false);
        }

        /** The ETag header's value. */
        String etag() {
            return '"' + render.etag() + '"';
        }
    }

    private IssueResponses() {
    }

    static Response published(Request request, StoredRender render) {
        return response(request, Cached.latest(render));
    }

    /** A published representation rendered for this request. */
    static Response published(Request request, String body, String mediaType) {
        return published(request, StoredRender.of(mediaType, body));
    }

    static Response revision(Request request, StoredRender render) {
        return response(request, Cached.revision(render));
    }

    static Response live(Request request, LiveIssue issue) {
        return response(request, Cached.live(issue));
    }

    static Response inProgress(String body, String mediaType) {
        return Response.ok(body, MediaType.valueOf(mediaType)).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    private static Response response(Request request, Cached cached) {
        StoredRender render = cached.render();
        Response.ResponseBuilder ok = Response.ok(render.body(), MediaType.valueOf(render.mediaType()));
        if (!cached.tagged()) {
            return ok.header(HttpHeaders.CACHE_CONTROL, cached.cacheControl()).build();
        }
        EntityTag tag = new EntityTag(render.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return (notModified != null ? notModified : ok).tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, cached.cacheControl()).build();
    }
}

package org.paperdigest.publisher.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.paperdigest.publisher.domain.LiveIssue;
import org.paperdigest.publisher.domain.StoredRender;

/**
 * The one place that decides how an issue's representations (HTML, Markdown, JSON, the feed) may be cached. A
 * published one gets a strong ETag over its media type and bytes and answers {@code 304} to a matching
 * If-None-Match. At the issue's own URL caches may keep it but must revalidate, because a regeneration replaces the
 * latest revision behind that URL; at a revision's own URL it never changes, so caches may keep it for a year
 * unasked. An issue still being made changes any second: nothing may store it.
 */
final class IssueResponses {

    static final String REVALIDATE = "public, no-cache";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NO_STORE = "no-store";

    private IssueResponses() {
    }

    /** The issue's latest published revision, at the issue's own URL. */
    static Response published(Request request, StoredRender render) {
        return tagged(request, render, REVALIDATE);
    }

    /** A published representation rendered for this request. */
    static Response published(Request request, String body, String mediaType) {
        return published(request, StoredRender.of(mediaType, body));
    }

    /** One revision at its own URL, which shows it as it was published for good. */
    static Response revision(Request request, StoredRender render) {
        return tagged(request, render, IMMUTABLE);
    }

    static Response inProgress(String body, String mediaType) {
        return Response.ok(body, MediaType.valueOf(mediaType)).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    /** An issue's live JSON: cached and revalidated like the published forms once it carries a revision. */
    static Response live(Request request, LiveIssue issue) {
        StoredRender json = issue.json();
        return issue.published()
                ? published(request, json)
                : Response.ok(json.body(), MediaType.valueOf(json.mediaType()))
                        .header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    private static Response tagged(Request request, StoredRender render, String cacheControl) {
        EntityTag tag = new EntityTag(render.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = notModified != null
                ? notModified
                : Response.ok(render.body(), MediaType.valueOf(render.mediaType()));
        return response.tag(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }
}

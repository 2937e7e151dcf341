package org.paperdigest.publisher.rest;

import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.paperdigest.publisher.domain.RenderFormat;
import org.paperdigest.publisher.domain.StoredRender;
import org.paperdigest.publisher.rest.IssueResponses.Cached;
import org.paperdigest.publisher.service.LiveIssueJson;
import org.paperdigest.publisher.service.StoredRenders;

/**
 * Answers the reads that memory holds on the event loop, in front of the resources, as the static-file handler
 * answers: a stored render (issue page, Markdown, revision page and JSON, the feed) or an issue's live JSON, 200 or
 * 304, with the headers the resources give it ({@link IssueResponses}, {@link SecurityHeaders}). Everything else
 * goes on to the resources, which run on worker threads since they read the database (and so fill memory): what
 * memory lacks, a malformed id or revision (memory holds only what a resource read), any other method.
 */
@ApplicationScoped
public class MemoryReadRoute {

    /** As the resources' paths take it ({@link RevisionResource#REVISION}). */
    private static final Pattern REVISION = Pattern.compile("[1-9][0-9]{0,8}");
    private static final String MARKDOWN = ".md";

    @Inject
    StoredRenders renders;

    @Inject
    LiveIssueJson live;

    /** Content-Type values as the resources write them ("text/html;charset=UTF-8"). */
    private final Map<String, String> contentTypes = new ConcurrentHashMap<>();

    void routes(@Observes Router router) {
        route(router, "/issues/:issue", ctx -> {
            String issue = ctx.pathParam("issue");
            return issue.endsWith(MARKDOWN)
                    ? latest(strip(issue), RenderFormat.MARKDOWN)
                    : latest(issue, RenderFormat.PAGE);
        });
        route(router, "/issues/:issue/revisions/:revision", ctx -> {
            String revision = ctx.pathParam("revision");
            return revision.endsWith(MARKDOWN)
                    ? revision(ctx.pathParam("issue"), strip(revision), RenderFormat.MARKDOWN)
                    : revision(ctx.pathParam("issue"), revision, RenderFormat.REVISION_PAGE);
        });
        route(router, "/api/issues/:issue/revisions/:revision",
                ctx -> revision(ctx.pathParam("issue"), ctx.pathParam("revision"), RenderFormat.JSON));
        route(router, "/api/issues/:issue", ctx -> liveIssue(ctx.pathParam("issue")));
        route(router, "/feed.atom", ctx -> renders.feedInMemory().map(Cached::latest));
    }

    private void route(Router router, String path, Function<RoutingContext, Optional<Cached>> fromMemory) {
        router.get(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(ctx -> fromMemory.apply(ctx)
                .ifPresentOrElse(answer -> send(ctx, answer), ctx::next));
    }

    private Optional<Cached> latest(String issueId, RenderFormat format) {
        return renders.latestInMemory(issueId, format).map(Cached::latest);
    }

    private Optional<Cached> revision(String issueId, String revision, RenderFormat format) {
        return REVISION.matcher(revision).matches()
                ? renders.revisionInMemory(issueId, Integer.parseInt(revision), format).map(Cached::revision)
                : Optional.empty();
    }

    private Optional<Cached> liveIssue(String issueId) {
        return live.inMemory(issueId).map(Cached::live);
    }

    private void send(RoutingContext ctx, Cached cached) {
        HttpServerResponse response = ctx.response();
        StoredRender render = cached.render();
        response.putHeader(HttpHeaders.CACHE_CONTROL, cached.cacheControl());
        if (cached.tagged()) {
            String etag = cached.etag();
            response.putHeader(HttpHeaders.ETAG, etag);
            if (matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
                response.setStatusCode(304).end();
                return;
            }
        }
        if (render.mediaType().startsWith(MediaType.TEXT_HTML)) {
            SecurityHeaders.ON_HTML.forEach(response::putHeader);
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE,
                contentTypes.computeIfAbsent(render.mediaType(), type -> MediaType.valueOf(type).toString()));
        // Wrapped, not copied: the bytes are never changed, and a copy per request of a 115 KB page is garbage.
        response.end(Buffer.buffer(Unpooled.wrappedBuffer(render.body())));
    }

    /** If-None-Match as RFC 9110 reads it: any of a list of tags, compared weakly, or "*". */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.equals(etag)) {
            // The common case, a client sending back the one tag it was given, without splitting a list.
            return true;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String withMarkdownSuffix) {
        return withMarkdownSuffix.substring(0, withMarkdownSuffix.length() - MARKDOWN.length());
    }
}

package org.paperdigest.publisher.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paperdigest.publisher.domain.RenderFormat;
import org.paperdigest.publisher.domain.StoredRender;

/**
 * What readers asked for lately, in memory in front of the database: stored renders, least recently used dropped
 * first once they pass {@code paperdigest.publisher.read-cache.max-bytes}; and what may change, each issue's latest
 * revision number and the feed, kept for {@code latest-ttl} ({@link KeptValues}). A publication on this instance
 * drops those at once ({@link #published}); another replica's publication is seen here within that time.
 */
@ApplicationScoped
public class ReadCache {

    private record Key(String issueId, int revision, RenderFormat format) {
    }

    private static final String FEED = "feed";

    /** A render kept, with when it was last read, on the cache's own clock. */
    private static final class Kept {
        final StoredRender render;
        volatile long lastRead;

        Kept(StoredRender render, long lastRead) {
            this.render = render;
            this.lastRead = lastRead;
        }
    }

    private final long maxBytes;
    /**
     * Read without a lock — two event-loop threads answer from it at once —; written under the cache's lock, which
     * also guards {@link #bytes} and {@link #generation}.
     */
    private final ConcurrentHashMap<Key, Kept> renders = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private long bytes;
    /** Counts {@link #clear()}s, so that a load begun before one does not put back what it cleared. */
    private volatile long generation;
    private final KeptValues<String, Integer> latestRevisions;
    private final KeptValues<String, StoredRender> feed;

    ReadCache(@ConfigProperty(name = "paperdigest.publisher.read-cache.max-bytes") long maxBytes,
            @ConfigProperty(name = "paperdigest.publisher.read-cache.latest-ttl") Duration latestTtl) {
        this.maxBytes = maxBytes;
        this.latestRevisions = KeptValues.refreshedOnWorkers(latestTtl);
        this.feed = KeptValues.refreshedOnWorkers(latestTtl);
    }

    /** The render if memory holds it, else null; never loads. */
    StoredRender inMemory(String issueId, int revision, RenderFormat format) {
        Kept kept = renders.get(new Key(issueId, revision, format));
        if (kept == null) {
            return null;
        }
        kept.lastRead = clock.incrementAndGet();
        return kept.render;
    }

    /** The render, from memory or else from {@code load} (kept if it found one). */
    StoredRender render(String issueId, int revision, RenderFormat format, Supplier<Optional<StoredRender>> load) {
        long loadedIn = generation;
        StoredRender cached = inMemory(issueId, revision, format);
        if (cached != null) {
            return cached;
        }
        StoredRender loaded = load.get().orElse(null);
        if (loaded != null) {
            keep(new Key(issueId, revision, format), loaded, loadedIn);
        }
        return loaded;
    }

    /** The issue's published revision if memory holds it fresh, else null; {@code load} may refresh it meanwhile. */
    Integer latestRevisionInMemory(String issueId, Supplier<Integer> load) {
        return latestRevisions.inMemory(issueId, load);
    }

    /** The issue's published revision, from memory while fresh, or else from {@code load} (kept if published). */
    Integer latestRevision(String issueId, Supplier<Integer> load) {
        return latestRevisions.read(issueId, load);
    }

    /** The feed if memory holds it fresh, else null; {@code load} may refresh it meanwhile. */
    StoredRender feedInMemory(Supplier<StoredRender> load) {
        return feed.inMemory(FEED, load);
    }

    StoredRender feed(Supplier<StoredRender> load) {
        return feed.read(FEED, load);
    }

    /** A revision of the issue was published here: its latest revision and the feed are read again. */
    void published(String issueId) {
        latestRevisions.drop(issueId);
        feed.drop(FEED);
    }

    /** Everything was rendered again. */
    synchronized void clear() {
        renders.clear();
        bytes = 0;
        generation++;
        latestRevisions.dropAll();
        feed.dropAll();
    }

    /** Keeps the render, then drops the least recently read until the bytes fit (rare: a scan is cheap enough). */
    private synchronized void keep(Key key, StoredRender render, long loadedIn) {
        if (loadedIn != generation || render.body().length > maxBytes) {
            return;
        }
        Kept replaced = renders.put(key, new Kept(render, clock.incrementAndGet()));
        bytes += render.body().length - (replaced == null ? 0 : replaced.render.body().length);
        while (bytes > maxBytes) {
            Map.Entry<Key, Kept> eldest = Collections.min(renders.entrySet(),
                    Comparator.comparingLong(entry -> entry.getValue().lastRead));
            renders.remove(eldest.getKey());
            bytes -= eldest.getValue().render.body().length;
        }
    }
}

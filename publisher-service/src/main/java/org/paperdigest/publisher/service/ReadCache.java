package org.paperdigest.publisher.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
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

    private final long maxBytes;
    /** In access order: the eldest entry is the least recently read. */
    private final LinkedHashMap<Key, StoredRender> renders = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    /** Counts {@link #clear()}s, so that a load begun before one does not put back what it cleared. */
    private long generation;
    private final KeptValues<String, Integer> latestRevisions;
    private final KeptValues<String, StoredRender> feed;

    ReadCache(@ConfigProperty(name = "paperdigest.publisher.read-cache.max-bytes") long maxBytes,
            @ConfigProperty(name = "paperdigest.publisher.read-cache.latest-ttl") Duration latestTtl) {
        this.maxBytes = maxBytes;
        this.latestRevisions = KeptValues.refreshedOnWorkers(latestTtl);
        this.feed = KeptValues.refreshedOnWorkers(latestTtl);
    }

    /** The render if memory holds it, else null; never loads. */
    synchronized StoredRender inMemory(String issueId, int revision, RenderFormat format) {
        return renders.get(new Key(issueId, revision, format));
    }

    /** The render, from memory or else from {@code load} (kept if it found one). */
    StoredRender render(String issueId, int revision, RenderFormat format, Supplier<Optional<StoredRender>> load) {
        Key key = new Key(issueId, revision, format);
        long loadedIn;
        synchronized (this) {
            StoredRender cached = renders.get(key);
            if (cached != null) {
                return cached;
            }
            loadedIn = generation;
        }
        StoredRender loaded = load.get().orElse(null);
        if (loaded != null) {
            keep(key, loaded, loadedIn);
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

    private synchronized void keep(Key key, StoredRender render, long loadedIn) {
        if (loadedIn != generation || render.body().length > maxBytes) {
            return;
        }
        StoredRender replaced = renders.put(key, render);
        bytes += render.body().length - (replaced == null ? 0 : replaced.body().length);
        Iterator<StoredRender> eldest = renders.values().iterator();
        while (bytes > maxBytes) {
            bytes -= eldest.next().body().length;
            eldest.remove();
        }
    }
}

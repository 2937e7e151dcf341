package org.paperdigest.publisher.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paperdigest.publisher.domain.RenderFormat;
import org.paperdigest.publisher.domain.StoredRender;

/** The read cache keeps what was read lately, within its bytes, and forgets the latest revision on publication. */
class ReadCacheTest {

    private final List<String> loads = new ArrayList<>();
    private final ReadCache cache = new ReadCache(10, Duration.ofHours(1));

    @Test
    void dropsTheLeastRecentlyReadOnceItsBytesAreFull() {
        StoredRender one = read("one", 1);
        read("two", 1);
        assertSame(one, read("one", 1), "kept");
        read("three", 1);
        assertEquals(List.of("one", "two", "three"), loads);

        read("one", 1);
        read("two", 1);
        assertEquals(List.of("one", "two", "three", "two"), loads, "two was read least lately, so it went");
    }

    @Test
    void keepsNothingLargerThanItsBytes() {
        cache.render("big", 1, RenderFormat.PAGE, () -> Optional.of(StoredRender.of("text/plain", "12345678901")));
        cache.render("big", 1, RenderFormat.PAGE, () -> {
            loads.add("big");
            return Optional.of(StoredRender.of("text/plain", "12345678901"));
        });
        assertEquals(List.of("big"), loads);
    }

    @Test
    void readsTheLatestRevisionAgainAfterAPublication() {
        assertEquals(1, cache.latestRevision("issue", () -> 1));
        assertEquals(1, cache.latestRevision("issue", () -> 2), "kept while fresh");
        cache.published("issue");
        assertEquals(2, cache.latestRevision("issue", () -> 2));
    }

    @Test
    void aLoadBegunBeforeAClearDoesNotPutBackWhatWasCleared() {
        cache.render("issue", 1, RenderFormat.JSON, () -> {
            cache.clear();
            return Optional.of(StoredRender.of("application/json", "{}"));
        });
        read("issue", 1);
        assertEquals(List.of("issue"), loads);
    }

    /** A 4-byte render of the issue's revision as JSON, loaded (and counted) unless the cache has it. */
    private StoredRender read(String issueId, int revision) {
        return cache.render(issueId, revision, RenderFormat.JSON, () -> {
            loads.add(issueId);
            return Optional.of(StoredRender.of("application/json", issueId.substring(0, 3) + "!"));
        });
    }
}

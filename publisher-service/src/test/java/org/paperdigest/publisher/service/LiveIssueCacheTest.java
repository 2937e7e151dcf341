package org.paperdigest.publisher.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paperdigest.publisher.domain.IssueChanged;
import org.paperdigest.publisher.domain.LiveIssue;
import org.paperdigest.publisher.domain.StoredRender;

/** An issue's JSON is kept until the issue changes here, and no longer than its time to live. */
class LiveIssueCacheTest {

    private final LiveIssueCache cache = new LiveIssueCache(Duration.ofHours(1));

    @Test
    void keepsWhatWasReadUntilTheIssueChanges() {
        assertEquals(body("read"), text(cache.read("issue", () -> json("read"))));
        assertEquals(body("read"), text(cache.inMemory("issue")));
        assertEquals(body("read"), text(cache.read("issue", () -> json("not read"))), "kept");

        cache.afterCommit(new IssueChanged("issue"));
        assertTrue(cache.inMemory("issue").isEmpty());
        assertEquals(body("changed"), text(cache.read("issue", () -> json("changed"))));
    }

    @Test
    void aLoadThatAChangeOvertookIsServedOnceButNotKept() {
        Optional<LiveIssue> overtaken = cache.read("issue", () -> {
            cache.beforeCommit(new IssueChanged("issue"));
            return json("as it was before the change");
        });
        assertEquals(body("as it was before the change"), text(overtaken));
        assertTrue(cache.inMemory("issue").isEmpty(), "read again next time");
        assertEquals(body("after"), text(cache.read("issue", () -> json("after"))));
    }

    @Test
    void aChangeOfOneIssueKeepsTheOthers() {
        cache.read("one", () -> json("one"));
        cache.read("two", () -> json("two"));
        cache.afterCommit(new IssueChanged("one"));
        assertTrue(cache.inMemory("one").isEmpty());
        assertEquals(body("two"), text(cache.inMemory("two")));
    }

    @Test
    void readsAgainOnceItsTimeToLiveIsOver() throws InterruptedException {
        LiveIssueCache shortLived = new LiveIssueCache(Duration.ofMillis(20));
        shortLived.read("issue", () -> json("first"));
        Thread.sleep(40);
        assertTrue(shortLived.inMemory("issue").isEmpty(), "another replica's change is seen within the time to live");
        assertEquals(body("second"), text(shortLived.read("issue", () -> json("second"))));
    }

    @Test
    void keepsNoIssueNobodyPlanned() {
        assertTrue(cache.read("unplanned", Optional::empty).isEmpty());
        assertTrue(cache.inMemory("unplanned").isEmpty());
    }

    private static Optional<LiveIssue> json(String status) {
        return Optional.of(new LiveIssue(StoredRender.of("application/json", body(status)), false));
    }

    private static String body(String status) {
        return "{\"status\":\"" + status + "\"}";
    }

    private static String text(Optional<LiveIssue> issue) {
        return issue.map(found -> found.json().text()).orElse(null);
    }
}

package org.paperdigest.publisher.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Values kept for a time to live: dropped by a write here, refreshed in the background once half their time is
 * over, and never put back by a load that a drop overtook.
 */
class KeptValuesTest {

    /** Refreshes wait here until the test runs them, as a worker thread would run them later. */
    private final List<Runnable> background = new ArrayList<>();
    private final KeptValues<String, String> kept = new KeptValues<>(Duration.ofHours(1), background::add);

    @Test
    void keepsWhatWasReadUntilItIsDropped() {
        assertEquals("read", kept.read("issue", () -> "read"));
        assertEquals("read", kept.inMemory("issue", () -> "not read"));
        assertEquals("read", kept.read("issue", () -> "not read"), "kept");

        kept.drop("issue");
        assertNull(kept.inMemory("issue", () -> "not read"));
        assertEquals("changed", kept.read("issue", () -> "changed"));
        assertEquals(List.of(), background, "nothing refreshed within half the time to live");
    }

    @Test
    void aLoadThatADropOvertookIsServedOnceButNotKept() {
        assertEquals("as it was", kept.read("issue", () -> {
            kept.drop("issue");
            return "as it was";
        }));
        assertNull(kept.inMemory("issue", () -> "not read"), "read again next time");
        assertEquals("after", kept.read("issue", () -> "after"));
    }

    @Test
    void aLoadBegunBeforeEverythingWasDroppedIsNotKept() {
        kept.read("issue", () -> {
            kept.dropAll();
            return "as it was";
        });
        assertEquals("after", kept.read("issue", () -> "after"));
    }

    @Test
    void aDropOfOneKeyKeepsTheOthers() {
        kept.read("one", () -> "one");
        kept.read("two", () -> "two");
        kept.drop("one");
        assertNull(kept.inMemory("one", () -> "not read"));
        assertEquals("two", kept.inMemory("two", () -> "not read"));
    }

    @Test
    void keepsNothingWhenTheLoadFoundNothing() {
        assertNull(kept.read("unplanned", () -> null));
        assertEquals("planned", kept.read("unplanned", () -> "planned"));
    }

    @Test
    void pastHalfItsTimeAReadIsServedWhatIsKeptAndOneRefreshRunsInTheBackground() throws InterruptedException {
        KeptValues<String, String> shortLived = new KeptValues<>(Duration.ofSeconds(2), background::add);
        List<String> loads = new ArrayList<>();
        Supplier<String> load = () -> {
            loads.add("load");
            return "version " + loads.size();
        };
        assertEquals("version 1", shortLived.read("issue", load));
        Thread.sleep(1100);
        assertEquals("version 1", shortLived.inMemory("issue", load), "served what is kept");
        assertEquals("version 1", shortLived.read("issue", load));
        assertEquals(1, background.size(), "one refresh, however many readers");

        background.remove(0).run();
        assertEquals("version 2", shortLived.inMemory("issue", load));
        assertEquals(List.of("load", "load"), loads);
    }

    @Test
    void pastItsTimeToLiveAValueIsLoadedByItsReader() throws InterruptedException {
        KeptValues<String, String> shortLived = new KeptValues<>(Duration.ofMillis(20), background::add);
        shortLived.read("issue", () -> "first");
        Thread.sleep(40);
        assertNull(shortLived.inMemory("issue", () -> "not read"), "another replica's change shows within the time");
        assertEquals("second", shortLived.read("issue", () -> "second"));
    }
}

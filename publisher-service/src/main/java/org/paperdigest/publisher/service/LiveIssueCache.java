package org.paperdigest.publisher.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paperdigest.publisher.domain.IssueChanged;
import org.paperdigest.publisher.domain.LiveIssue;

/**
 * Each issue's live JSON as last read, kept until a write on this instance changes the issue ({@link IssueChanged})
 * and at most {@code paperdigest.publisher.read-cache.live-ttl}, within which another replica's writes are seen.
 */
@ApplicationScoped
public class LiveIssueCache {

    /**
     * An issue's JSON (null once dropped) and the number of the change that last dropped it: a load is kept only if
     * no change came while it read, since it may have read the issue as it was before.
     */
    private record Slot(long change, LiveIssue issue, long expiresAt) {

        boolean fresh(long now) {
            return issue != null && expiresAt - now > 0;
        }
    }

    private final long ttlNanos;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    LiveIssueCache(@ConfigProperty(name = "paperdigest.publisher.read-cache.live-ttl") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The issue's JSON if memory holds it fresh; never loads. */
    Optional<LiveIssue> inMemory(String issueId) {
        Slot slot = slots.get(issueId);
        return slot != null && slot.fresh(System.nanoTime()) ? Optional.of(slot.issue()) : Optional.empty();
    }

    /** The issue's JSON, from memory while fresh, or else from {@code load} (kept unless the issue changed meanwhile). */
    Optional<LiveIssue> read(String issueId, Supplier<Optional<LiveIssue>> load) {
        Optional<LiveIssue> cached = inMemory(issueId);
        if (cached.isPresent()) {
            return cached;
        }
        long changeBefore = changeOf(slots.get(issueId));
        Optional<LiveIssue> loaded = load.get();
        loaded.ifPresent(issue -> keep(issueId, issue, changeBefore));
        return loaded;
    }

    /**
     * Dropped before the commit, so that a reader who sees the committed change cannot be served what was kept
     * before it; and again after, since a load between the two read the issue as it was.
     */
    void beforeCommit(@Observes(during = TransactionPhase.BEFORE_COMPLETION) IssueChanged changed) {
        drop(changed.issueId());
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) IssueChanged changed) {
        drop(changed.issueId());
    }

    void drop(String issueId) {
        slots.put(issueId, new Slot(changes.incrementAndGet(), null, 0));
    }

    private void keep(String issueId, LiveIssue issue, long changeBefore) {
        long now = System.nanoTime();
        slots.compute(issueId, (id, slot) -> changeOf(slot) == changeBefore
                ? new Slot(changeBefore, issue, now + ttlNanos)
                : slot);
        // Bodies of issues nobody read lately go; the change numbers stay, as small as they are.
        slots.replaceAll((id, slot) -> slot.issue() != null && !slot.fresh(now) ? new Slot(slot.change(), null, 0) : slot);
    }

    private static long changeOf(Slot slot) {
        return slot == null ? 0 : slot.change();
    }
}

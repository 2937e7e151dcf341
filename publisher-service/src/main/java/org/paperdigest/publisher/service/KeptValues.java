package org.paperdigest.publisher.service;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Values that another replica may change behind this instance's back, kept per key for a time to live, so that its
 * changes show within that time. Past half of it a read starts one refresh in the background and is served what is
 * kept: under steady reads a value never expires, and readers never queue for the database together each time it
 * would. A value past its time to live is loaded again by the reader. A write on this instance drops its value at
 * once; a load that a drop overtook is returned to its reader but not kept, as it may have read what was before.
 *
 * @param <V> never null: a load that finds nothing to keep returns null, and nothing is kept
 */
final class KeptValues<K, V> {

    /**
     * A value (null once dropped) and when it was loaded; {@code drop} is the number of the drop that dropped it, or
     * for a value the number of drops made when its load began: a load is kept only over a slot with none later.
     */
    private record Slot<V>(long drop, V value, long loadedAt) {
    }

    private final long ttlNanos;
    private final Executor background;
    private final ConcurrentHashMap<K, Slot<V>> slots = new ConcurrentHashMap<>();
    private final Set<K> refreshing = ConcurrentHashMap.newKeySet();
    private final AtomicLong drops = new AtomicLong();
    private volatile long everythingDroppedAt;

    /** @param background where refreshes run: they may read the database, so never on the event loop */
    KeptValues(Duration ttl, Executor background) {
        this.ttlNanos = ttl.toNanos();
        this.background = background;
    }

    /** Refreshed on the worker threads that also serve blocking requests. */
    static <K, V> KeptValues<K, V> refreshedOnWorkers(Duration ttl) {
        return new KeptValues<>(ttl, task -> Infrastructure.getDefaultWorkerPool().execute(task));
    }

    /** The value if kept and not past its time to live, else null; past half of it, {@code load} refreshes it. */
    V inMemory(K key, Supplier<V> load) {
        Slot<V> slot = slots.get(key);
        if (slot == null || slot.value() == null) {
            return null;
        }
        long age = System.nanoTime() - slot.loadedAt();
        if (age >= ttlNanos) {
            return null;
        }
        if (age >= ttlNanos / 2 && refreshing.add(key)) {
            try {
                background.execute(() -> {
                    try {
                        load(key, load);
                    } finally {
                        refreshing.remove(key);
                    }
                });
            } catch (RuntimeException e) {
                // A pool that refuses (shutting down): the reader after the time to live loads it.
                refreshing.remove(key);
            }
        }
        return slot.value();
    }

    /** The value from memory, or else from {@code load} (kept unless a drop overtook the load); null if none. */
    V read(K key, Supplier<V> load) {
        V kept = inMemory(key, load);
        return kept != null ? kept : load(key, load);
    }

    /** Something changed the key's value on this instance: it is loaded again when next read. */
    void drop(K key) {
        slots.put(key, new Slot<>(drops.incrementAndGet(), null, 0));
    }

    /** Everything changed: every value is loaded again when next read. */
    void dropAll() {
        long drop = drops.incrementAndGet();
        everythingDroppedAt = drop;
        slots.replaceAll((key, slot) -> new Slot<>(drop, null, 0));
    }

    private V load(K key, Supplier<V> load) {
        long dropBefore = drops.get();
        V loaded = load.get();
        if (loaded != null) {
            long now = System.nanoTime();
            slots.compute(key, (k, slot) -> everythingDroppedAt <= dropBefore
                    && (slot == null || slot.drop() <= dropBefore) ? new Slot<>(dropBefore, loaded, now) : slot);
        }
        // Values nobody read for a while go; what is left of a key is as small as a drop number.
        long now = System.nanoTime();
        slots.replaceAll((k, slot) -> slot.value() != null && now - slot.loadedAt() >= ttlNanos
                ? new Slot<>(slot.drop(), null, 0)
                : slot);
        return loaded;
    }
}

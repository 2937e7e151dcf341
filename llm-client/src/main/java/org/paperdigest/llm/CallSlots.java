package org.paperdigest.llm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code paperdigest.llm.max-concurrent-calls} slots. A call that other calls wait for (a paper's questions, which
 * its answers need) takes the next free slot before the calls that nothing waits for; each kind is served in arrival
 * order. Otherwise a paper arriving while other papers' answers queue would ask its questions only after all of them,
 * and its own answers would then run last, beside idle slots.
 */
final class CallSlots {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private final Deque<Object> awaited = new ArrayDeque<>();
    private final Deque<Object> inTurn = new ArrayDeque<>();
    private int free;

    CallSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("paperdigest.llm.max-concurrent-calls must be at least 1");
        }
        free = slots;
    }

    /** @param awaitedByOthers whether other calls wait for this one's reply */
    void acquire(boolean awaitedByOthers) throws InterruptedException {
        Object ticket = new Object();
        Deque<Object> queue = awaitedByOthers ? awaited : inTurn;
        lock.lockInterruptibly();
        try {
            queue.addLast(ticket);
            try {
                while (free == 0 || next() != ticket) {
                    freed.await();
                }
                free--;
            } finally {
                queue.remove(ticket);
                // Whether this one took a slot or gave up waiting, the next in line may now be first.
                freed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void release() {
        lock.lock();
        try {
            free++;
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Calls waiting for a slot. */
    int waiting() {
        lock.lock();
        try {
            return awaited.size() + inTurn.size();
        } finally {
            lock.unlock();
        }
    }

    private Object next() {
        return awaited.isEmpty() ? inTurn.peekFirst() : awaited.peekFirst();
    }
}

package org.paperdigest.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CallSlotsTest {

    final CallSlots slots = new CallSlots(1);
    final List<String> served = new CopyOnWriteArrayList<>();

    @Test
    void aCallOthersWaitForTakesTheNextSlotBeforeCallsQueuedEarlier() throws Exception {
        slots.acquire(false);
        Thread answer1 = queue("answer 1", false, 1);
        Thread answer2 = queue("answer 2", false, 2);
        Thread questions = queue("questions", true, 3);

        slots.release();
        for (Thread t : List.of(answer1, answer2, questions)) {
            t.join(5000);
        }
        assertEquals(List.of("questions", "answer 1", "answer 2"), served);
    }

    @Test
    void callsOfOneKindAreServedInArrivalOrder() throws Exception {
        slots.acquire(true);
        Thread first = queue("first", true, 1);
        Thread second = queue("second", true, 2);

        slots.release();
        first.join(5000);
        second.join(5000);
        assertEquals(List.of("first", "second"), served);
    }

    @Test
    void aCallThatGivesUpWaitingLeavesTheLineToTheNext() throws Exception {
        slots.acquire(false);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread givesUp = new Thread(() -> {
            try {
                slots.acquire(true);
                served.add("gave up");
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        givesUp.start();
        awaitWaiting(1);
        Thread next = queue("next", false, 2);
        givesUp.interrupt();
        givesUp.join(5000);

        slots.release();
        next.join(5000);
        assertTrue(interrupted.get());
        assertEquals(List.of("next"), served);
        assertEquals(0, slots.waiting());
    }

    /** Starts a call on its own thread and returns once it is the {@code position}-th waiting. */
    private Thread queue(String name, boolean awaitedByOthers, int position) throws InterruptedException {
        Thread thread = new Thread(() -> {
            try {
                slots.acquire(awaitedByOthers);
                served.add(name);
                slots.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        awaitWaiting(position);
        return thread;
    }

    private void awaitWaiting(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (slots.waiting() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + slots.waiting() + " calls waiting, not " + count);
            }
            Thread.sleep(5);
        }
    }
}

package org.paperdigest.llm;

/** When a call gets a free call slot, among the calls waiting for one. */
public enum CallTurn {
    /** Other calls wait for this reply (a paper's questions, before its answers): it takes the next free slot. */
    AHEAD,
    /** Nothing waits for this reply: it takes a slot in the order it asked. */
    IN_TURN
}

package org.paperdigest.fetcher.source;

/**
 * The reading of one issue's papers, as a {@link PaperReader} sees it. Each paper ends as exactly one event: the
 * content its read gives, or a failure with a reason a person can act on. Called from {@link PaperReader#read} or a
 * lookup.
 */
public interface Reading {

    /** Reads one paper on a worker, side by side with the other papers. */
    void start(PaperToRead<?> paper, Read read);

    /** Settles the paper at once as failed. */
    void fail(PaperToRead<?> paper, String reason);

    /**
     * Runs {@code lookup} (one request about several papers) on the thread once every reader has started
     * the papers it could start at once, one lookup after the other in the order asked for: papers that need no
     * lookup never wait for one.
     */
    void lookUp(Runnable lookup);

    /** One paper's reading. */
    interface Read {
        PaperContent read() throws UnreadablePaperException;
    }
}

package org.paperdigest.fetcher.source;

/** A paper that cannot be read; the message is the reason its failure event gives. */
public class UnreadablePaperException extends Exception {

    public UnreadablePaperException(String reason) {
        super(reason);
    }
}

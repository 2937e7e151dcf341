package org.paperdigest.publisher.push;

/** One attempt to push a revision to a channel failed; the message says why without the channel's secret URL. */
public class PushFailedException extends RuntimeException {

    public PushFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

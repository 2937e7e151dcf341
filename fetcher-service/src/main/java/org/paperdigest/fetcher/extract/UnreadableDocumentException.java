package org.paperdigest.fetcher.extract;

/** A document whose text cannot be read at all (not a PDF, encrypted, no text layer). */
public class UnreadableDocumentException extends Exception {

    public UnreadableDocumentException(String message) {
        super(message);
    }

    public UnreadableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.paperdigest.llm;

/** An LLM call that gave no usable reply. The message is written for the person who reads the paper's failure. */
public class LlmException extends RuntimeException {

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.paperdigest.publisher.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of a regeneration request. */
public record RegenerationRequest(
        @Schema(description = "The chat model to make the papers with; left out, the LLM services' configured model,"
                + " which returns their stored results", example = "qwen2.5:7b", nullable = true)
        String model) {
}

package org.paperdigest.publisher.rest;

/** The body of every 4xx answer: the HTTP status and what is wrong, for a person. */
public record ApiError(int status, String message) {
}

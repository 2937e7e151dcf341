package org.paperdigest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of every error answer of the services' REST APIs, so a client reads one shape whichever service it asks.
 *
 * @param status  the HTTP status code, repeated for clients that only keep the body
 * @param message what is wrong and what to do about it, for a person
 * @param details the values the message names, by what they are (e.g. {@code invalidIds}), for a program; left out
 *                when the message names none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String message, Map<String, List<String>> details) {

    /** The JSON answer with this body. */
    public static Response response(Response.Status status, String message) {
        return response(status, message, Map.of());
    }

    /** An empty list names nothing and is left out; so are the details when nothing is left. */
    public static Response response(Response.Status status, String message, Map<String, List<String>> details) {
        Map<String, List<String>> named = new TreeMap<>(details);
        named.values().removeIf(List::isEmpty);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status.getStatusCode(), message, named.isEmpty() ? null : named))
                .build();
    }
}

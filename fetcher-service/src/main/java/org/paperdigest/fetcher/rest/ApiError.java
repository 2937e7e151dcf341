package org.paperdigest.fetcher.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error answer.
 *
 * @param error        what is wrong and what to do about it
 * @param nearestWeeks for an unknown week: the list's weeks closest to the one asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, List<String> nearestWeeks) {

    public static ApiError of(String error) {
        return new ApiError(error, null);
    }
}

package org.paperdigest.fetcher.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error answer.
 *
 * @param error        what is wrong and what to do about it
 * @param nearestWeeks for an unknown week: the list's weeks closest to the one asked for
 * @param invalidIds   for a custom issue: the entries of {@code arxivIds} that are not arXiv ids, as sent
 * @param duplicateIds for a custom issue: the ids (without version) named more than once
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, List<String> nearestWeeks, List<String> invalidIds, List<String> duplicateIds) {

    public static ApiError of(String error) {
        return new ApiError(error, null, null, null);
    }
}

package org.paperdigest.fetcher.rest;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paperdigest.fetcher.list.ListUnavailableException;
import org.paperdigest.fetcher.service.PlanNotSentException;
import org.paperdigest.fetcher.service.UnknownWeekException;
import org.paperdigest.rest.ApiError;

/** Failures as JSON {@link ApiError} bodies with the status that tells the caller whose problem it is. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage(),
                Map.of("invalidIds", e.invalidIds(), "duplicateIds", e.duplicateIds()));
    }

    @ServerExceptionMapper
    public Response unknownWeek(UnknownWeekException e) {
        return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage(),
                Map.of("nearestWeeks", e.nearest().stream().map(Object::toString).toList()));
    }

    @ServerExceptionMapper
    public Response listUnavailable(ListUnavailableException e) {
        LOG.warn(e.getMessage());
        return ApiError.response(Response.Status.BAD_GATEWAY, e.getMessage());
    }

    @ServerExceptionMapper
    public Response planNotSent(PlanNotSentException e) {
        LOG.error(e.getMessage(), e);
        return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }
}

package org.paperdigest.fetcher.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paperdigest.fetcher.client.ListUnavailableException;
import org.paperdigest.fetcher.service.PlanNotSentException;
import org.paperdigest.fetcher.service.UnknownWeekException;

/** Failures as JSON {@link ApiError} bodies with the status that tells the caller whose problem it is. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return json(Response.Status.BAD_REQUEST, new ApiError(e.getMessage(), null,
                e.invalidIds().isEmpty() ? null : e.invalidIds(),
                e.duplicateIds().isEmpty() ? null : e.duplicateIds()));
    }

    @ServerExceptionMapper
    public Response unknownWeek(UnknownWeekException e) {
        return json(Response.Status.BAD_REQUEST, new ApiError(e.getMessage(),
                e.nearest().stream().map(Object::toString).toList(), null, null));
    }

    @ServerExceptionMapper
    public Response listUnavailable(ListUnavailableException e) {
        LOG.warn(e.getMessage());
        return json(Response.Status.BAD_GATEWAY, ApiError.of(e.getMessage()));
    }

    @ServerExceptionMapper
    public Response planNotSent(PlanNotSentException e) {
        LOG.error(e.getMessage(), e);
        return json(Response.Status.SERVICE_UNAVAILABLE, ApiError.of(e.getMessage()));
    }

    private static Response json(Response.Status status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build();
    }
}

package org.paperdigest.publisher.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paperdigest.publisher.service.RegenerationRefusedException;

/** Turns the resources' client errors into JSON bodies that say what is wrong. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response notFound(IssueNotFoundException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedId(MalformedIssueIdException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response regenerationRefused(RegenerationRefusedException e) {
        return error(switch (e.why()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
        }, e.getMessage());
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status.getStatusCode(), message))
                .build();
    }
}

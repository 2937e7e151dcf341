package org.paperdigest.publisher.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.paperdigest.publisher.service.RegenerationRefusedException;
import org.paperdigest.rest.ApiError;

/** Turns the resources' client errors into JSON bodies that say what is wrong. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response notFound(IssueNotFoundException e) {
        return ApiError.response(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedId(MalformedIssueIdException e) {
        return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response regenerationRefused(RegenerationRefusedException e) {
        return ApiError.response(switch (e.why()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
        }, e.getMessage());
    }
}

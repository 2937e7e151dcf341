package org.paperdigest.fetcher.client;

import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Any document by URL. Returns the raw {@link Response} so the body is streamed, not buffered whole. */
public interface DocumentApi {

    @GET
    @Produces(MediaType.WILDCARD)
    Response get(@Url String url);
}

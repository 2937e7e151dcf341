package org.paperdigest.fetcher.list;

import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** The weekly list's README (a raw file on GitHub by default). */
public interface ReadmeApi {

    @GET
    @Produces(MediaType.WILDCARD)
    RestResponse<String> get(@Url String url);
}

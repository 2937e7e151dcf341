package org.paperdigest.fetcher.source.arxiv;

import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** arXiv's export API ({@code https://export.arxiv.org/api/query}); answers are Atom feeds. */
public interface ArxivQueryApi {

    @GET
    @Produces(MediaType.WILDCARD)
    RestResponse<String> query(@Url String url, @QueryParam("id_list") String idList,
            @QueryParam("start") int start, @QueryParam("max_results") int maxResults);
}

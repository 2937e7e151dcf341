package org.paperdigest.fetcher.list;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import org.jboss.resteasy.reactive.RestResponse;
import org.paperdigest.fetcher.config.FetcherConfig;
import org.paperdigest.fetcher.config.RestClients;

/** Reads the weekly list's README; owns its timeouts and turns every failure into {@link ListUnavailableException}. */
@ApplicationScoped
public class ReadmeClient {

    private final ReadmeApi api;
    private final String url;

    @Inject
    public ReadmeClient(FetcherConfig config) {
        this.url = config.readmeUrl().toString();
        this.api = RestClients.build(ReadmeApi.class, config.readmeUrl(), config);
    }

    public String url() {
        return url;
    }

    public String read() {
        RestResponse<String> response;
        try {
            response = api.get(url);
        } catch (ProcessingException e) {
            throw new ListUnavailableException("cannot read the list at " + url + ": " + RestClients.rootMessage(e), e);
        }
        if (response.getStatus() != 200) {
            throw new ListUnavailableException("cannot read the list at " + url + ": HTTP " + response.getStatus());
        }
        String body = response.getEntity();
        if (body == null || body.isBlank()) {
            throw new ListUnavailableException("the list at " + url + " is empty");
        }
        return body;
    }
}

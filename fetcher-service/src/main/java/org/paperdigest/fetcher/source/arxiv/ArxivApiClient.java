package org.paperdigest.fetcher.source.arxiv;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.paperdigest.fetcher.config.FetcherConfig;
import org.paperdigest.fetcher.config.RestClients;
import org.paperdigest.fetcher.domain.ArxivId;

/**
 * The export API behind arXiv's rate limit: one {@code id_list} request for all papers of an issue, retried on
 * 5xx and connection failures, an error feed or other 4xx reported as they are.
 */
@ApplicationScoped
public class ArxivApiClient implements ArxivLookup {

    private static final Logger LOG = Logger.getLogger(ArxivApiClient.class);

    private final ArxivQueryApi api;
    private final ArxivRateLimiter limiter;
    private final String apiUrl;
    private final int maxAttempts;

    @Inject
    public ArxivApiClient(FetcherConfig config, ArxivRateLimiter limiter) {
        this.apiUrl = config.arxiv().apiUrl().toString();
        this.api = RestClients.build(ArxivQueryApi.class, config.arxiv().apiUrl(), config);
        this.limiter = limiter;
        this.maxAttempts = Math.max(1, config.arxiv().maxAttempts());
    }

    @Override
    public ArxivFeed lookup(List<ArxivId> ids) throws ArxivApiException {
        if (ids.isEmpty()) {
            return new ArxivFeed(0, List.of(), null);
        }
        String idList = ids.stream().map(ArxivId::versioned).collect(Collectors.joining(","));
        String requestUrl = apiUrl + "?id_list=" + URLEncoder.encode(idList, StandardCharsets.UTF_8)
                + "&start=0&max_results=" + ids.size();
        String lastProblem = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            RestResponse<String> response;
            try {
                response = limiter.call(() -> api.query(apiUrl, idList, 0, ids.size()));
            } catch (ProcessingException e) {
                lastProblem = RestClients.rootMessage(e);
                LOG.warnf("export API attempt %d/%d failed: %s", attempt, maxAttempts, lastProblem);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ArxivApiException("interrupted while waiting for arXiv's rate limit", e);
            }
            int status = response.getStatus();
            String body = body(response);
            if (status == 200) {
                return AtomFeedParser.parse(body).withRequestUrl(requestUrl);
            }
            if (status == 400) {
                // arXiv explains a bad query in an error feed; parse() throws with its words.
                AtomFeedParser.parse(body);
                throw new ArxivApiException("arXiv answered HTTP 400 without an explanation");
            }
            lastProblem = "HTTP " + status + bodyHint(body);
            if (status < 500 && status != 429) {
                break;
            }
            LOG.warnf("export API attempt %d/%d: %s", attempt, maxAttempts, lastProblem);
        }
        throw new ArxivApiException("arXiv export API did not answer " + requestUrl + ": " + lastProblem);
    }

    /** The body as text: for an error status the client leaves it unread, as a stream. */
    private static String body(RestResponse<String> response) {
        Object entity = response.getEntity();
        if (entity == null || entity instanceof String) {
            return (String) entity;
        }
        if (entity instanceof InputStream stream) {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }
        return entity.toString();
    }

    private static String bodyHint(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().lines().findFirst().orElse("");
        return " (" + (line.length() > 200 ? line.substring(0, 200) + "…" : line) + ")";
    }
}

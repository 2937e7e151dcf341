package org.paperdigest.fetcher.source.arxiv;

import java.util.List;
import org.paperdigest.fetcher.domain.ArxivId;

/** Looks papers up in arXiv's export API. */
public interface ArxivLookup {

    /**
     * All {@code ids} in one request. arXiv leaves out ids it does not know, so the feed may hold fewer entries.
     *
     * @throws ArxivApiException when arXiv cannot answer (error feed, HTTP failure, not a feed)
     */
    ArxivFeed lookup(List<ArxivId> ids) throws ArxivApiException;
}

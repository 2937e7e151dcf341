package org.paperdigest.fetcher.source.arxiv;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.paperdigest.fetcher.domain.ArxivId;

/**
 * An export-API answer.
 *
 * @param totalResults what {@code opensearch:totalResults} says; fewer than asked when arXiv dropped unknown ids
 * @param requestUrl   the query that produced it, for the events' source URLs
 */
public record ArxivFeed(int totalResults, List<ArxivEntry> entries, String requestUrl) {

    public ArxivFeed {
        entries = List.copyOf(entries);
    }

    public ArxivFeed withRequestUrl(String url) {
        return new ArxivFeed(totalResults, entries, url);
    }

    /** The newest version of paper {@code id} among the entries (e.g. {@code v3}), if any entry is of that paper. */
    public Optional<String> latestVersion(String id) {
        return entries.stream()
                .filter(entry -> entry.id().id().equals(id) && entry.id().version() != null)
                .map(entry -> entry.id().version())
                .max(Comparator.comparingInt(version -> Integer.parseInt(version.substring(1))));
    }

    /** The entry for {@code requested}; when it names a version, only that version matches. */
    public Optional<ArxivEntry> find(ArxivId requested) {
        return entries.stream()
                .filter(entry -> entry.id().id().equals(requested.id()))
                .filter(entry -> requested.version() == null || requested.version().equals(entry.id().version()))
                .findFirst();
    }
}

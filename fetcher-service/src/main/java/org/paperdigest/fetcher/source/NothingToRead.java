package org.paperdigest.fetcher.source;

/**
 * A paper with nothing the fetcher can read: a list row without a usable link, or a paper a regeneration names that
 * the stored plan does not have. It still fails under its key, so that the failure is reported.
 *
 * @param reason what a person should fix
 */
public record NothingToRead(String paperKey, String reason) implements PaperSource {
}

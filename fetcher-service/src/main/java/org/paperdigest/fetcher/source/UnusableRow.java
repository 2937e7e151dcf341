package org.paperdigest.fetcher.source;

import org.paperdigest.events.PaperKeys;

/**
 * A row with nothing that can be read; it still gets a stable key so its failure can be reported.
 *
 * @param keyUrl the URL the key is derived from (the row's first link, or a reference to the row itself)
 * @param reason what a person should fix
 */
public record UnusableRow(String keyUrl, String reason) implements PaperSource {

    @Override
    public String paperKey() {
        return PaperKeys.url(keyUrl);
    }
}

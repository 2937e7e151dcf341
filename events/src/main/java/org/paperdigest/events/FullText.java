package org.paperdigest.events;

import java.util.List;

/**
 * The paper's full text as pages, so that every quote can name its page.
 *
 * @param format    {@code pdf} or {@code html}
 * @param sourceUrl where the text was read from
 * @param truncated true when the length cap cut the text (a note in the event says where)
 */
public record FullText(String format, String sourceUrl, List<Page> pages, boolean truncated) {
}

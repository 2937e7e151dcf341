package org.paperdigest.fetcher.list;

import java.util.List;
import org.paperdigest.events.Link;

/**
 * One paper row of a week in the list.
 *
 * @param position    1-based place in the week's table (list order)
 * @param title       plain text, as the list writes it
 * @param description plain text; {@code <br>} breaks become newlines
 * @param links       the row's labelled links, in order
 * @param line        1-based line in the README, for messages
 */
public record ListRow(int position, String title, String description, List<Link> links, int line) {

    public ListRow {
        links = List.copyOf(links);
    }
}

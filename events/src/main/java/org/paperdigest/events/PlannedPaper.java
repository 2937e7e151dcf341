package org.paperdigest.events;

import java.util.List;

/** One row of the weekly list, in list order (position 1 is the first row). */
public record PlannedPaper(int position, String paperKey, String title, String description, List<Link> links) {
}

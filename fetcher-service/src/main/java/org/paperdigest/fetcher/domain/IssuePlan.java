package org.paperdigest.fetcher.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.PlannedPaper;

/** An issue to fetch: the week's rows in list order, each with the source its paper is read from. */
public record IssuePlan(String issueId, Week week, List<Item> items) {

    public record Item(PlannedPaper paper, PaperSource source) {
    }

    public IssuePlan {
        items = List.copyOf(items);
    }

    /**
     * @param listUrl where the list was read; a row without links is keyed on {@code listUrl#<week>-<position>}
     */
    public static IssuePlan of(Week week, String listUrl) {
        List<Item> items = new ArrayList<>();
        for (ListRow row : week.rows()) {
            PaperSource source = PaperLinkChooser.choose(row, listUrl + "#" + week.issueId() + "-" + row.position());
            String title = row.title().isBlank() ? "(untitled row " + row.position() + ")" : row.title();
            items.add(new Item(new PlannedPaper(row.position(), source.paperKey(), title, row.description(),
                    row.links()), source));
        }
        return new IssuePlan(week.issueId(), week, items);
    }

    public IssuePlanned toEvent(Instant plannedAt) {
        return new IssuePlanned(IssuePlanned.SCHEMA_VERSION, issueId, week.title(), week.start(), week.end(),
                items.stream().map(Item::paper).toList(), plannedAt);
    }
}

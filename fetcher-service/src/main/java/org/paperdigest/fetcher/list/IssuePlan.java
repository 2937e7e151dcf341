package org.paperdigest.fetcher.list;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.Link;
import org.paperdigest.events.PlannedPaper;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.source.PaperSource;
import org.paperdigest.fetcher.source.PaperToRead;
import org.paperdigest.fetcher.source.arxiv.ArxivSource;

/**
 * An issue to fetch: its papers in order, each with the source it is read from.
 *
 * @param weekStart the week's first day; for a custom issue the day it was requested (see {@link #custom})
 * @param weekEnd   the week's last day; for a custom issue the day it was requested
 */
public record IssuePlan(String issueId, String title, LocalDate weekStart, LocalDate weekEnd,
        List<PaperToRead<?>> items) {

    public IssuePlan {
        items = List.copyOf(items);
    }

    /**
     * @param listUrl where the list was read; a row without links is keyed on {@code listUrl#<week>-<position>}
     */
    public static IssuePlan of(Week week, String listUrl) {
        List<PaperToRead<?>> items = new ArrayList<>();
        for (ListRow row : week.rows()) {
            PaperSource source = PaperLinkChooser.choose(row, listUrl + "#" + week.issueId() + "-" + row.position());
            String title = row.title().isBlank() ? "(untitled row " + row.position() + ")" : row.title();
            items.add(new PaperToRead<>(new PlannedPaper(row.position(), source.paperKey(), title, row.description(),
                    row.links()), source));
        }
        return new IssuePlan(week.issueId(), week.title(), week.start(), week.end(), items);
    }

    /**
     * A custom issue of arXiv papers in the caller's order. It belongs to no week of the list, but the event needs
     * both dates: they carry the day (UTC) it was requested. Until arXiv answers, a paper's title is its id and its
     * description is empty; the {@code PaperFetched} event brings the real metadata.
     */
    public static IssuePlan custom(String issueId, String title, LocalDate requestedOn, List<ArxivId> ids) {
        List<PaperToRead<?>> items = new ArrayList<>();
        for (ArxivId id : ids) {
            PaperSource source = new ArxivSource(id);
            List<Link> links = List.of(new Link("Paper", "https://arxiv.org/abs/" + id.versioned()));
            items.add(new PaperToRead<>(new PlannedPaper(items.size() + 1, source.paperKey(), "arXiv:" + id.versioned(), "",
                    links), source));
        }
        return new IssuePlan(issueId, title, requestedOn, requestedOn, items);
    }

    /**
     * A row of an issue planned before, read again from the links it names, as when it was planned. Its events carry
     * the row's own key, so a row without a usable link fails again under that key.
     */
    public static PaperToRead<?> fromStoredRow(PlannedPaper paper) {
        // Line 0: the row comes from the stored plan, not from a line of the README.
        ListRow row = new ListRow(paper.position(), paper.title(), paper.description(), paper.links(), 0);
        return new PaperToRead<>(paper, PaperLinkChooser.choose(row, paper.paperKey()));
    }

    public List<PlannedPaper> papers() {
        return items.stream().<PlannedPaper>map(PaperToRead::paper).toList();
    }

    public List<String> paperKeys() {
        return items.stream().map(PaperToRead::key).toList();
    }

    public IssuePlanned toEvent(Instant plannedAt) {
        return new IssuePlanned(IssuePlanned.SCHEMA_VERSION, issueId, title, weekStart, weekEnd,
                papers(), plannedAt);
    }
}

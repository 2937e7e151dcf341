package org.paperdigest.fetcher.source;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Fails each unusable row with its reason. The failures take their turn on the workers like any read, so with one
 * paper at a time an issue's events keep its order.
 */
@ApplicationScoped
public class UnusableRowReader implements PaperReader<UnusableRow> {

    @Override
    public Class<UnusableRow> kind() {
        return UnusableRow.class;
    }

    @Override
    public void read(List<PaperToRead<UnusableRow>> papers, Reading reading) {
        papers.forEach(paper -> reading.start(paper, () -> {
            throw new UnreadablePaperException(paper.source().reason());
        }));
    }
}

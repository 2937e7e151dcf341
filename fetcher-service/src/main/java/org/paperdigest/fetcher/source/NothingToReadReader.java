package org.paperdigest.fetcher.source;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Fails each paper with nothing to read with its reason. The failures take their turn on the workers like any read,
 * so with one paper at a time an issue's events keep its order.
 */
@ApplicationScoped
public class NothingToReadReader implements PaperReader<NothingToRead> {

    @Override
    public Class<NothingToRead> kind() {
        return NothingToRead.class;
    }

    @Override
    public void read(List<PaperToRead<NothingToRead>> papers, Reading reading) {
        papers.forEach(paper -> reading.start(paper, () -> {
            throw new UnreadablePaperException(paper.source().reason());
        }));
    }
}

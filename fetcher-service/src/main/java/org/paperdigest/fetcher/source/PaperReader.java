package org.paperdigest.fetcher.source;

import java.util.List;

/**
 * Reads the papers of one kind of source. The fetcher hands a reader all of an issue's papers of its kind at once,
 * so that a source which looks papers up together (arXiv's export API, one request for many ids) can; the reader
 * has each paper read through {@link Reading}, and the fetcher turns every paper into exactly one event.
 *
 * <p>A new kind of source is a package beside the others with a record implementing {@link PaperSource} and a
 * reader of it (an {@code @ApplicationScoped} bean); the list decides which rows are of that kind.
 */
public interface PaperReader<S extends PaperSource> {

    /** The kind of source read. */
    Class<S> kind();

    /**
     * Has {@code papers} read, and returns without waiting for them: through {@link Reading#start} for each paper,
     * and {@link Reading#lookUp} for what must be asked about several papers before any can be read.
     *
     * @param papers this reader's papers of one issue, in plan order, each once
     */
    void read(List<PaperToRead<S>> papers, Reading reading);
}

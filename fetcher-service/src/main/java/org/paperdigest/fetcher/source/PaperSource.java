package org.paperdigest.fetcher.source;

/**
 * Where a list row's paper is read from. Each kind of source is a record in its own package beside the
 * {@link PaperReader} that reads it; the list decides which kind a row is ({@code list.PaperLinkChooser}).
 */
public interface PaperSource {

    /** The paper's identity across events. */
    String paperKey();
}

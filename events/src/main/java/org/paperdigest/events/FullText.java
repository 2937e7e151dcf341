package org.paperdigest.events;

import java.util.List;

/**
 * The paper's full text as pages, so that every quote can name its page.
 *
 * @param format    {@code pdf} or {@code html}
 * @param sourceUrl where the text was read from
 * @param truncated true when the length cap cut the text (a note in the event says where)
 * @param paged     true when the pages' numbers are the paper's PDF pages a reader can turn to: always for a PDF;
 *                  for an HTML rendering whose blocks were found in the paper's PDF, each block then standing in the
 *                  page it was found on. False for a web page's text, one page numbered 1 that quotes cite by section.
 */
public record FullText(String format, String sourceUrl, List<Page> pages, boolean truncated, boolean paged) {

    /** Text whose pages are real pages exactly when it was read from a PDF. */
    public FullText(String format, String sourceUrl, List<Page> pages, boolean truncated) {
        this(format, sourceUrl, pages, truncated, "pdf".equals(format));
    }
}

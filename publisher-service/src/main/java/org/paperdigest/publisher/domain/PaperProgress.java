package org.paperdigest.publisher.domain;

/**
 * One planned paper's stages, for readers following an issue.
 *
 * @param title the paper's title where fetched, else the title in the weekly list
 */
public record PaperProgress(
        int position,
        String paperKey,
        String title,
        StageState fetch,
        StageState summarize,
        StageState answer,
        boolean complete) {
}

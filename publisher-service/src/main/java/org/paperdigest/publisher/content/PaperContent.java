package org.paperdigest.publisher.content;

import java.util.List;
import java.util.Optional;

/**
 * One paper as published in an issue revision.
 *
 * @param title             the metadata title byte for byte; the weekly list's title where metadata is missing
 * @param listTitle         the title as the weekly list writes it
 * @param links             the weekly list's links for the row
 * @param metadata          null when the paper could not be fetched
 * @param contentLevel      null when the paper could not be fetched
 * @param notes             the fetcher's notes on the extraction, in English, for operators (the page shows them in
 *                          Japanese in its generation details)
 * @param resourceLinks     the code, data, model and project-page URLs the paper's own text gives, each with its
 *                          sentence; empty for revisions stored before they were kept
 * @param abstractJa        null when summarizing failed (readers then get the original abstract)
 * @param keyResultsJa      the paper's headline results in short Japanese lines, every number in them stated by the
 *                          paper; empty when there are none (and in revisions stored before they existed)
 * @param summaryGeneration provenance of {@code abstractJa} and {@code summaryJa}
 * @param qa                empty when answering failed
 * @param qaGeneration      provenance of {@code qa}
 * @param failures          every stage that failed for good, in pipeline order
 * @param flaggedPassages   text readers do not see and text addressing AI tools; empty in revisions made before
 *                          the fetcher looked
 */
public record PaperContent(
        int position,
        String paperKey,
        String title,
        String listTitle,
        List<Link> links,
        String paperVersion,
        PaperMetadata metadata,
        ContentLevel contentLevel,
        List<String> notes,
        List<ResourceLink> resourceLinks,
        String abstractJa,
        String summaryJa,
        List<String> keyResultsJa,
        Generation summaryGeneration,
        List<QuestionAnswer> qa,
        Generation qaGeneration,
        List<StageFailure> failures,
        List<FlaggedPassage> flaggedPassages) {

    public PaperContent {
        resourceLinks = resourceLinks == null ? List.of() : List.copyOf(resourceLinks);
        keyResultsJa = keyResultsJa == null ? List.of() : List.copyOf(keyResultsJa);
        flaggedPassages = flaggedPassages == null ? List.of() : List.copyOf(flaggedPassages);
    }

    public Optional<StageFailure> failure(Stage stage) {
        return failures.stream().filter(failure -> failure.stage() == stage).findFirst();
    }

    public boolean fetched() {
        return metadata != null;
    }
}

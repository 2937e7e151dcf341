package org.paperdigest.events;

import java.time.Instant;
import java.util.List;

/**
 * A paper's metadata and extracted text (event-carried state: consumers need no other store).
 *
 * @param revision     the revision of the issue this paper is made for: 1, then one more per regeneration; the
 *                     services copy it into their outcomes, so the publisher can tell late outcomes of an earlier run
 * @param model        the chat model the LLM services are to use for this paper; null for their configured one
 * @param paperVersion the version read, e.g. {@code v1} for arXiv; null where the source has none
 * @param fullText     null when {@code contentLevel} is {@link ContentLevel#ABSTRACT_ONLY}
 * @param notes        what a reader or operator should know about the extraction (caps hit, pages skipped…)
 * @param sourceUrls      every URL the data came from
 * @param resourceLinks   the code, data, model and project-page URLs the abstract and the full text give (before the
 *                        reference list), each once with its sentence; empty in events made before it existed
 * @param flaggedPassages passages readers do not see (left out of {@code fullText}) and passages addressing AI
 *                        tools (left in it); empty in events of producers that did not look (absent in their JSON)
 */
public record PaperFetched(
        int schemaVersion,
        String issueId,
        String paperKey,
        int revision,
        String model,
        String paperVersion,
        PaperMetadata metadata,
        ContentLevel contentLevel,
        FullText fullText,
        List<String> notes,
        List<String> sourceUrls,
        Instant fetchedAt,
        List<ResourceLink> resourceLinks,
        List<FlaggedPassage> flaggedPassages) implements PaperEvent {

    public static final int SCHEMA_VERSION = 2;

    public PaperFetched {
        resourceLinks = resourceLinks == null ? List.of() : List.copyOf(resourceLinks);
        flaggedPassages = flaggedPassages == null ? List.of() : List.copyOf(flaggedPassages);
    }

    /** The same event without its full text, every other field kept. */
    public PaperFetched withoutFullText() {
        return new PaperFetched(schemaVersion, issueId, paperKey, revision, model, paperVersion, metadata,
                contentLevel, null, notes, sourceUrls, fetchedAt, resourceLinks, flaggedPassages);
    }

    /** A paper whose text gives no links and has nothing flagged (or where neither was looked for). */
    public PaperFetched(int schemaVersion, String issueId, String paperKey, int revision, String model,
            String paperVersion, PaperMetadata metadata, ContentLevel contentLevel, FullText fullText,
            List<String> notes, List<String> sourceUrls, Instant fetchedAt) {
        this(schemaVersion, issueId, paperKey, revision, model, paperVersion, metadata, contentLevel, fullText, notes,
                sourceUrls, fetchedAt, List.of(), List.of());
    }
}

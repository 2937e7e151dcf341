package org.paperdigest.publisher.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.events.PlannedPaper;
import org.paperdigest.publisher.content.Category;
import org.paperdigest.publisher.content.ContentLevel;
import org.paperdigest.publisher.content.Evidence;
import org.paperdigest.publisher.content.FlaggedPassage;
import org.paperdigest.publisher.content.Generation;
import org.paperdigest.publisher.content.Link;
import org.paperdigest.publisher.content.PaperContent;
import org.paperdigest.publisher.content.PaperMetadata;
import org.paperdigest.publisher.content.QualityReport;
import org.paperdigest.publisher.content.QuestionAnswer;
import org.paperdigest.publisher.content.ResourceLink;
import org.paperdigest.publisher.content.Stage;
import org.paperdigest.publisher.content.StageFailure;
import org.paperdigest.publisher.content.TokenUsage;

/**
 * The one place event records become the publisher's content records. Fields are copied one by one, so a field an
 * event gains reaches stored revisions and the JSON API only once it is copied here; an enum constant an event gains
 * stops the build until it is mapped.
 */
final class ContentFromEvents {

    private ContentFromEvents() {
    }

    /** The paper as a revision publishes it: its row of the plan and what was received for it. */
    static PaperContent paper(PlannedPaper planned, PaperRecord record) {
        PaperFetched fetched = record.fetched();
        PaperSummarized summary = record.summary();
        PaperAnswered answers = record.answers();
        return new PaperContent(
                planned.position(),
                planned.paperKey(),
                IssueProgress.titleOf(planned, record),
                planned.title(),
                planned.links() == null ? List.of() : planned.links().stream().map(ContentFromEvents::link).toList(),
                fetched != null ? fetched.paperVersion() : null,
                fetched != null ? metadata(fetched.metadata()) : null,
                fetched != null ? contentLevel(fetched.contentLevel()) : null,
                fetched != null && fetched.notes() != null ? fetched.notes() : List.of(),
                fetched != null ? mapped(fetched.resourceLinks(), ContentFromEvents::resourceLink) : List.of(),
                summary != null ? summary.abstractJa() : null,
                summary != null ? summary.summaryJa() : null,
                summary != null ? summary.keyResultsJa() : List.of(),
                summary != null ? generation(summary.generation()) : null,
                answers != null ? mapped(answers.items(), ContentFromEvents::answer) : List.of(),
                answers != null ? generation(answers.generation()) : null,
                failures(record),
                fetched != null ? mapped(fetched.flaggedPassages(), ContentFromEvents::flagged) : List.of());
    }

    private static FlaggedPassage flagged(org.paperdigest.events.FlaggedPassage passage) {
        String how = switch (passage.kind()) {
            case HIDDEN_COLOUR -> "hidden-colour";
            case TINY -> "tiny";
            case INVISIBLE_MODE -> "invisible-mode";
            case OFF_PAGE -> "off-page";
            case COVERED -> "covered";
            case HTML_HIDDEN -> "html-hidden";
            case VISIBLE -> "visible";
        };
        return new FlaggedPassage(passage.page(), passage.section(), passage.text(), how, passage.kind().hidden(),
                passage.instruction());
    }

    private static List<StageFailure> failures(PaperRecord record) {
        List<StageFailure> failures = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            StageState state = record.stage(stage);
            if (state.status() == StageStatus.FAILED) {
                failures.add(new StageFailure(stage, state.reason()));
            }
        }
        return List.copyOf(failures);
    }

    private static Link link(org.paperdigest.events.Link link) {
        return new Link(link.label(), link.url());
    }

    private static ResourceLink resourceLink(org.paperdigest.events.ResourceLink link) {
        return new ResourceLink(link.url(), link.sentence(), link.page());
    }

    private static PaperMetadata metadata(org.paperdigest.events.PaperMetadata metadata) {
        return metadata == null ? null : new PaperMetadata(metadata.title(), metadata.authors(),
                metadata.abstractText(), metadata.published(), metadata.updated(),
                mapped(metadata.categories(), category -> new Category(category.code(), category.name())),
                metadata.url(), metadata.pdfUrl(), metadata.doi(), metadata.journalRef(), metadata.comment());
    }

    private static ContentLevel contentLevel(org.paperdigest.events.ContentLevel level) {
        return level == null ? null : switch (level) {
            case FULL_TEXT -> ContentLevel.FULL_TEXT;
            case ABSTRACT_ONLY -> ContentLevel.ABSTRACT_ONLY;
        };
    }

    private static Generation generation(org.paperdigest.events.Generation generation) {
        if (generation == null) {
            return null;
        }
        org.paperdigest.events.TokenUsage usage = generation.usage();
        org.paperdigest.events.QualityReport quality = generation.quality();
        return new Generation(generation.model(), generation.promptVersion(), generation.generatedAt(),
                usage == null ? null
                        : new TokenUsage(usage.inputTokens(), usage.outputTokens(), usage.cachedInputTokens()),
                quality == null ? null : new QualityReport(quality.generated(), quality.reasked(), quality.dropped(),
                        quality.dropReasons(), quality.spansVerified(), quality.quotesVerified()));
    }

    private static QuestionAnswer answer(org.paperdigest.events.QuestionAnswer qa) {
        return new QuestionAnswer(qa.question(), qa.answer(), qa.answerable(),
                mapped(qa.evidence(), evidence -> new Evidence(evidence.quote(), evidence.page(), evidence.section())),
                qa.notStated());
    }

    /** Null stays null, as the event had it. */
    private static <T, R> List<R> mapped(List<T> values, Function<T, R> mapping) {
        return values == null ? null : values.stream().map(mapping).toList();
    }
}

package org.paperdigest.summarizer.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.paperdigest.events.EventType;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.events.Stage;
import org.paperdigest.testing.DefectEvaluationTest;
import org.paperdigest.testing.DefectInjector.Defect;
import org.paperdigest.testing.DefectLlmResource;
import org.paperdigest.testing.RecordedPapers;

/** The nine recorded abstracts of the week 2023-11-20 translated while the model corrupts protected spans. */
@QuarkusTest
@WithTestResource(DefectLlmResource.class)
class SummarizerEvaluationTest extends DefectEvaluationTest<PaperSummarized> {

    /** Share of the model's replies made defective. */
    static final double RATE = 0.3;
    /** Seed of the draw of which replies are defective, and how. */
    static final long SEED = 1L;

    SummarizerEvaluationTest() {
        super("it-summarizer.", EventType.PAPER_SUMMARIZED, Stage.SUMMARIZE, List.of(Defect.CORRUPTED_SPAN), RATE,
                SEED, Duration.ofMinutes(3));
    }

    @Override
    protected List<PaperFetched> papers(String issueId) {
        return RecordedPapers.WEEK_2023_11_20.stream().map(id -> RecordedPapers.abstractOnly(id, issueId)).toList();
    }

    @Override
    protected List<String> texts(PaperSummarized summary) {
        return List.of(summary.abstractJa(), summary.summaryJa());
    }
}

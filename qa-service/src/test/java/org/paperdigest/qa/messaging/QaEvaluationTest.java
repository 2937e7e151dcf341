package org.paperdigest.qa.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.paperdigest.events.Evidence;
import org.paperdigest.events.EventType;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.QuestionAnswer;
import org.paperdigest.events.Stage;
import org.paperdigest.qa.FixturePapers;
import org.paperdigest.testing.DefectEvaluationTest;
import org.paperdigest.testing.DefectInjector.Defect;
import org.paperdigest.testing.DefectLlmResource;
import org.paperdigest.testing.RecordedPapers;

/**
 * The nine recorded papers of the week 2023-11-20 answered while the model restates questions, states numbers the
 * paper does not give, invents quotes, writes filler and repeats questions: GPQA from the full text of its PDF, the
 * others from their abstracts.
 */
@QuarkusTest
@WithTestResource(DefectLlmResource.class)
class QaEvaluationTest extends DefectEvaluationTest<PaperAnswered> {

    /** Share of the model's replies made defective. */
    static final double RATE = 0.3;
    /** Seed of the draw of which replies are defective, and how. */
    static final long SEED = 1L;
    static final String GPQA = "2311.12022";

    QaEvaluationTest() {
        super("it-qa.", EventType.PAPER_ANSWERED, Stage.ANSWER, List.of(Defect.RESTATED_QUESTION,
                Defect.NUMBER_NOT_IN_SOURCE, Defect.INVENTED_QUOTE, Defect.FILLER, Defect.DUPLICATE_QUESTION,
                Defect.BUNDLED_QUESTION, Defect.HIDDEN_GAP), RATE,
                SEED, Duration.ofMinutes(5));
    }

    @Override
    protected List<PaperFetched> papers(String issueId) {
        List<PaperFetched> papers = new ArrayList<>(RecordedPapers.WEEK_2023_11_20.stream()
                .filter(id -> !id.equals(GPQA)).map(id -> RecordedPapers.abstractOnly(id, issueId)).toList());
        papers.add(FixturePapers.gpqaFullText(issueId));
        return papers;
    }

    @Override
    protected List<String> texts(PaperAnswered answered) {
        return answered.items().stream().flatMap(QaEvaluationTest::texts).toList();
    }

    private static Stream<String> texts(QuestionAnswer item) {
        return Stream.of(Stream.of(item.question(), item.answer()), item.notStated().stream(),
                item.evidence().stream().map(Evidence::quote)).flatMap(s -> s);
    }
}

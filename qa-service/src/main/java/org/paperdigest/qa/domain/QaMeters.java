package org.paperdigest.qa.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.paperdigest.qa.client.QuestionDraft;

/**
 * What the Q&amp;A checks find in the model's first proposals: {@code paperdigest_qa_questions_total{shape}} counts
 * each distinct question of a first reply as {@code single} or {@code bundled} (asking several things at once), so
 * the share of bundled questions a model writes can be watched.
 */
@ApplicationScoped
public class QaMeters {

    private final Counter single;
    private final Counter bundled;

    QaMeters(MeterRegistry registry) {
        single = Counter.builder("paperdigest_qa_questions").tag("shape", "single")
                .description("distinct questions of a first reply, by whether they ask one thing").register(registry);
        bundled = Counter.builder("paperdigest_qa_questions").tag("shape", "bundled")
                .description("distinct questions of a first reply, by whether they ask one thing").register(registry);
    }

    void questionsProposed(List<QuestionDraft> questions) {
        long many = questions.stream().filter(BundledQuestions::isBundled).count();
        bundled.increment(many);
        single.increment(questions.size() - many);
    }
}

package org.paperdigest.publisher.content;

import java.util.List;

/**
 * A question about the paper and its Japanese answer with evidence; {@code answerable} is false, and
 * {@code evidence} empty, when the paper says nothing of what is asked.
 *
 * @param notStated the parts of the question the text does not state (empty when it states everything asked)
 */
public record QuestionAnswer(String question, String answer, boolean answerable, List<Evidence> evidence,
        List<String> notStated) {

    public QuestionAnswer {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        // Revisions stored before answers named their gaps read them as none.
        notStated = notStated == null ? List.of() : List.copyOf(notStated);
    }
}

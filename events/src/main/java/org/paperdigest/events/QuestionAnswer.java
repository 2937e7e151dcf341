package org.paperdigest.events;

import java.util.List;

/**
 * A question about the paper and its Japanese answer with evidence. When the paper does not say anything of what is
 * asked, {@code answerable} is false and {@code evidence} is empty.
 *
 * @param notStated the parts of the question the text does not state, as short Japanese phrases (empty when it
 *                  states everything asked); a reader sees each as 「※ …は論文中に記載がありません」
 */
public record QuestionAnswer(String question, String answer, boolean answerable, List<Evidence> evidence,
        List<String> notStated) {

    public QuestionAnswer {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        // Revisions stored before the field existed read it as absent.
        notStated = notStated == null ? List.of() : List.copyOf(notStated);
    }

    public QuestionAnswer(String question, String answer, boolean answerable, List<Evidence> evidence) {
        this(question, answer, answerable, evidence, List.of());
    }
}

package org.paperdigest.events;

import java.util.List;

/**
 * A question about the paper and its Japanese answer with evidence. When the paper does not say,
 * {@code answerable} is false and {@code evidence} is empty.
 */
public record QuestionAnswer(String question, String answer, boolean answerable, List<Evidence> evidence) {
}

package org.paperdigest.qa.domain;

import java.util.List;
import org.paperdigest.events.QuestionAnswer;

/** A paper's validated questions and answers as the generation store keeps them. */
public record Answers(List<QuestionAnswer> items) {
}

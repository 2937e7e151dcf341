package org.paperdigest.qa.client;

import java.util.List;

/** The model's structured reply to the question prompt. */
public record QuestionSet(List<QuestionDraft> questions) {
}

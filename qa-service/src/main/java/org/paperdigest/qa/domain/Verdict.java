package org.paperdigest.qa.domain;

import java.util.List;
import org.paperdigest.events.QuestionAnswer;

/** The outcome of checking one answer: the item to publish, or the findings that keep it out. */
public record Verdict(QuestionAnswer item, List<String> findings) {

    static Verdict accepted(QuestionAnswer item) {
        return new Verdict(item, List.of());
    }

    static Verdict rejected(List<String> findings) {
        return new Verdict(null, List.copyOf(findings));
    }

    public boolean isAccepted() {
        return item != null;
    }
}

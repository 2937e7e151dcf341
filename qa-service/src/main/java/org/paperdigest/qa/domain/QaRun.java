package org.paperdigest.qa.domain;

import java.util.ArrayList;
import java.util.List;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.QualityReport;
import org.paperdigest.events.QuestionAnswer;
import org.paperdigest.events.TokenUsage;
import org.paperdigest.llm.LlmReply;
import org.paperdigest.llm.stage.Spend;

/**
 * One paper's Q&amp;A in the making: what its calls have cost, which model answered, and what the checks did. Its
 * answers are made on several threads at once, hence the locking.
 */
final class QaRun {

    final PaperFetched paper;
    /** The model asked; {@link #model} is the one the server says answered. */
    final String asked;
    final boolean abstractOnly;
    private final Spend spend;
    private String model;
    private int generated;
    private int reasked;
    private final List<String> dropReasons = new ArrayList<>();

    QaRun(PaperFetched paper, String asked, boolean abstractOnly, Spend spend) {
        this.paper = paper;
        this.asked = asked;
        this.abstractOnly = abstractOnly;
        this.spend = spend;
    }

    synchronized void drop(int count, String reason) {
        for (int i = 0; i < count; i++) {
            dropReasons.add(reason);
        }
    }

    synchronized void reasked() {
        reasked++;
    }

    synchronized void generated(int count) {
        generated = count;
    }

    void spent(TokenUsage more) {
        spend.add(more);
    }

    synchronized String model() {
        return model;
    }

    synchronized QualityReport quality(List<QuestionAnswer> kept) {
        int quotes = kept.stream().mapToInt(item -> item.evidence().size()).sum();
        return new QualityReport(generated, reasked, dropReasons.size(), dropReasons, 0, quotes);
    }

    /** The reply's content; its cost is charged and the first answering model remembered. */
    synchronized <T> T record(LlmReply<T> reply) {
        spend.add(reply.usage());
        if (model == null) {
            model = reply.model();
        }
        return reply.content();
    }
}

package org.paperdigest.llm.stage;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.paperdigest.events.Generation;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.events.QualityReport;
import org.paperdigest.events.Stage;
import org.paperdigest.llm.Acknowledger;
import org.paperdigest.llm.Acknowledger.Ack;
import org.paperdigest.llm.CallTurn;
import org.paperdigest.llm.LlmReply;
import org.paperdigest.llm.PaperText;
import org.paperdigest.llm.RetryingLlmCalls;

/** The test application's stage, in the summarizer's place: one call on the paper's abstract, its reply kept. */
@ApplicationScoped
class AcknowledgingStage implements LlmStage<Ack> {

    private final Acknowledger acknowledger;
    private final RetryingLlmCalls llm;

    AcknowledgingStage(Acknowledger acknowledger, RetryingLlmCalls llm) {
        this.acknowledger = acknowledger;
        this.llm = llm;
    }

    @Override
    public Stage stage() {
        return Stage.SUMMARIZE;
    }

    @Override
    public String promptVersion() {
        return "ack-v1";
    }

    @Override
    public Class<Ack> resultType() {
        return Ack.class;
    }

    @Override
    public Optional<String> unworkable(PaperFetched paper) {
        return Optional.empty();
    }

    @Override
    public Generated<Ack> generate(PaperFetched paper, String model, Spend spend) {
        String abstractText = PaperText.neutralised(paper.metadata().abstractText());
        LlmReply<Ack> reply = llm.call(model, CallTurn.IN_TURN, () -> acknowledger.acknowledge(abstractText));
        spend.add(reply.usage());
        return Generated.made(reply.content(), reply.model(), new QualityReport(1, 0, 0, List.of(), 0, 0));
    }

    @Override
    public PaperSummarized outcome(PaperFetched paper, Ack ack, Generation generation) {
        return new PaperSummarized(PaperSummarized.SCHEMA_VERSION, paper.issueId(), paper.paperKey(),
                paper.revision(), paper.paperVersion(), ack.text(), ack.text(), java.util.List.of(), generation);
    }
}

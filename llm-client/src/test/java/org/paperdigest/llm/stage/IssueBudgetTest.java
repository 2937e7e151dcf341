package org.paperdigest.llm.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.events.Stage;
import org.paperdigest.llm.persistence.IssueBudget;
import org.paperdigest.testing.FakeLlmResource;
import org.paperdigest.testing.FakeOpenAiServer;
import org.paperdigest.testing.InjectFakeLlm;
import org.paperdigest.testing.RecordedPapers;
import org.paperdigest.testing.StoredResults;

/**
 * With a budget smaller than one paper costs, the first paper of an issue is made and charged, and the next paper
 * of that issue is refused without an LLM call, with a reason that names the setting; another issue is unaffected.
 * The stage run is the test application's {@link AcknowledgingStage}.
 */
@QuarkusTest
@TestProfile(IssueBudgetTest.SmallBudget.class)
@WithTestResource(FakeLlmResource.class)
class IssueBudgetTest {

    static final long BUDGET = 100;

    @Inject
    LlmStageRunner runner;

    @Inject
    IssueBudget budget;

    @InjectFakeLlm
    FakeOpenAiServer llm;

    @Test
    void aSpentIssueStartsNoFurtherPaper() {
        StoredResults.forget(FakeOpenAiServer.MODEL);
        llm.reset();
        String issue = "custom-budget-" + UUID.randomUUID();

        PaperSummarized first = assertInstanceOf(PaperSummarized.class,
                runner.run(RecordedPapers.abstractOnly("2311.12022", issue), outcome -> { }));
        long spent = first.generation().usage().inputTokens() + first.generation().usage().outputTokens();
        assertTrue(spent >= BUDGET, "one paper costs " + spent + " tokens, more than the budget");
        assertEquals(spent, budget.spent(issue), "the paper's calls are charged to its issue");
        int calls = llm.chatCalls();

        PaperFailed refused = assertInstanceOf(PaperFailed.class,
                runner.run(RecordedPapers.abstractOnly("2311.12983", issue), outcome -> { }));
        assertEquals(Stage.SUMMARIZE, refused.stage());
        assertEquals("the token budget of issue " + issue + " is spent (" + spent + " of " + BUDGET
                + " tokens); raise paperdigest.llm.issue-token-budget and re-run the paper", refused.reason());
        assertEquals(calls, llm.chatCalls(), "no LLM call for a refused paper");

        String otherIssue = "custom-budget-" + UUID.randomUUID();
        assertInstanceOf(PaperSummarized.class,
                runner.run(RecordedPapers.abstractOnly("2311.12983", otherIssue), outcome -> { }));
    }

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperdigest.llm.issue-token-budget", String.valueOf(BUDGET));
        }
    }
}

package org.paperdigest.summarizer.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.EventType;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.events.Stage;
import org.paperdigest.llm.JapaneseText;
import org.paperdigest.testing.FakeLlmResource;
import org.paperdigest.testing.FakeOpenAiServer.Call;
import org.paperdigest.testing.LlmServiceFlowTest;
import org.paperdigest.testing.RecordedPapers;

/**
 * The whole service on the real broker, with the fake OpenAI-compatible server in place of a model. The dead-letter
 * and retry tests are inherited from {@link LlmServiceFlowTest}.
 */
@QuarkusTest
@WithTestResource(FakeLlmResource.class)
class SummarizerFlowTest extends LlmServiceFlowTest<PaperSummarized> {

    static final String GAIA_URL = "https://huggingface.co/gaia-benchmark";

    SummarizerFlowTest() {
        super("it-summarizer.", EventType.PAPER_SUMMARIZED, Stage.SUMMARIZE, "/paper-digest/summarizer-service",
                Duration.ofSeconds(60));
    }

    @Override
    protected PaperFetched processablePaper(String issueId) {
        return RecordedPapers.abstractOnly("2311.12022", issueId);
    }

    @Test
    void translatesTheAbstractAndKeepsItsUrlAndNameByteForByte() {
        PaperFetched gaia = RecordedPapers.abstractOnly("2311.12983", issue());
        publish(gaia);

        PaperSummarized summary = awaitSummary(gaia);

        assertTrue(summary.abstractJa().contains(GAIA_URL), summary.abstractJa());
        assertFalse(summary.abstractJa().contains(GAIA_URL + "."), "the sentence's full stop is not part of the URL");
        assertTrue(summary.abstractJa().contains("GAIA"), summary.abstractJa());
        assertTrue(JapaneseText.hasKana(summary.abstractJa()));
        assertTrue(JapaneseText.length(summary.summaryJa()) <= 120, summary.summaryJa());
        assertEquals("arxiv:2311.12983", summary.paperKey());
        assertEquals("v1", summary.paperVersion());
        assertEquals("summary-v2", summary.generation().promptVersion());
        assertEquals("fake-chat-model", summary.generation().model());

        List<Call> calls = llm.calls();
        assertEquals(1, calls.size());
        Call call = calls.get(0);
        assertEquals("translation", call.task());
        assertTrue(call.prompt().contains(gaia.metadata().abstractText()), "the real abstract was sent");
        assertTrue(call.prompt().contains("<span>" + GAIA_URL + "</span>"), call.prompt());
        assertEquals("json_schema", call.body().at("/response_format/type").asText());
        assertTrue(call.body().at("/response_format/json_schema/strict").asBoolean(), call.body().get("response_format").toString());
        assertTrue(call.body().at("/response_format/json_schema/schema/properties").has("summaryJa"), call.body().get("response_format").toString());
        assertEquals(call.promptTokens(), summary.generation().usage().inputTokens());
        assertEquals(call.completionTokens(), summary.generation().usage().outputTokens());
    }

    @Test
    void writesKeyResultsWhoseNumbersTheAbstractStates() {
        PaperFetched gpqa = RecordedPapers.abstractOnly("2311.12022", issue());
        publish(gpqa);

        PaperSummarized summary = awaitSummary(gpqa);

        // The fake writes one line per sentence with a number: GPQA's abstract has 448, 65% (74%), 34% and 39%.
        assertEquals(3, summary.keyResultsJa().size(), summary.keyResultsJa().toString());
        assertTrue(summary.keyResultsJa().get(0).contains("448"), summary.keyResultsJa().toString());
        assertTrue(summary.keyResultsJa().stream().allMatch(JapaneseText::hasKana), summary.keyResultsJa().toString());
        assertTrue(llm.calls().get(0).body().at("/response_format/json_schema/schema/properties").has("keyResultsJa"));
        assertEquals(0, summary.generation().quality().dropped());
    }

    @Test
    void keepsLatexMathExactly() {
        PaperFetched pass = RecordedPapers.abstractOnly("2311.13581", issue());
        publish(pass);

        PaperSummarized summary = awaitSummary(pass);

        assertTrue(summary.abstractJa().contains("$O(d_{emb})$"), summary.abstractJa());
        assertTrue(summary.abstractJa().contains("$30\\%$"), summary.abstractJa());
    }

    @Test
    void reAsksOnceWithTheFindingsWhenAProtectedSpanComesBackChanged() {
        llm.answerUngroundedNext(1);
        PaperFetched gaia = RecordedPapers.abstractOnly("2311.12983", issue());
        publish(gaia);

        PaperSummarized summary = awaitSummary(gaia);

        assertTrue(summary.abstractJa().contains(GAIA_URL));
        List<Call> calls = llm.calls();
        assertEquals(2, calls.size());
        assertFalse(calls.get(0).prompt().contains("<problems>"));
        assertTrue(calls.get(1).prompt().contains("<problems>"), "the re-ask carries the findings");
        assertTrue(calls.get(1).prompt().contains("must contain \"" + GAIA_URL + "\""), calls.get(1).prompt());
        int input = calls.stream().mapToInt(Call::promptTokens).sum();
        assertEquals(input, summary.generation().usage().inputTokens(), "both calls are paid for");
    }

    @Test
    void failsWithTheFindingsWhenTheReAskIsWrongToo() {
        llm.answerUngroundedNext(2);
        PaperFetched gaia = RecordedPapers.abstractOnly("2311.12983", issue());
        publish(gaia);

        PaperFailed failure = awaitFailure(gaia);

        assertEquals(Stage.SUMMARIZE, failure.stage());
        assertTrue(failure.reason().contains("failed validation twice"), failure.reason());
        assertTrue(failure.reason().contains(GAIA_URL), failure.reason());
        assertEquals(2, llm.chatCalls());
    }

    @Test
    void reAsksWhenTheReplyIsNotJson() {
        llm.answerInvalidJsonNext(1);
        PaperFetched gpqa = RecordedPapers.abstractOnly("2311.12022", issue());
        publish(gpqa);

        PaperSummarized summary = awaitSummary(gpqa);

        assertTrue(summary.abstractJa().contains("448"), summary.abstractJa());
        assertEquals(2, llm.chatCalls());
        assertTrue(llm.calls().get(1).prompt().contains("not the JSON object asked for"), llm.calls().get(1).prompt());
        int input = llm.calls().stream().mapToInt(Call::promptTokens).sum();
        assertEquals(input, summary.generation().usage().inputTokens(), "the unusable reply was paid for too");
    }

    @Test
    void waitsAsLongAsRetryAfterSaysBeforeCallingAgain() {
        llm.rateLimitNext(2, 2);
        PaperFetched gpqa = RecordedPapers.abstractOnly("2311.12022", issue());
        publish(gpqa);

        awaitSummary(gpqa);

        List<Call> calls = llm.calls();
        assertEquals(3, calls.size());
        assertEquals(429, calls.get(1).status());
        Duration pause = Duration.between(calls.get(1).receivedAt(), calls.get(2).receivedAt());
        assertTrue(pause.toMillis() >= 1900, "waited only " + pause.toMillis() + " ms after Retry-After: 2");
    }

    @Test
    void reportsAPaperWithoutAbstractWithoutCallingTheModel() {
        PaperFetched noAbstract = RecordedPapers.withAbstract(RecordedPapers.json("2311.12022"), issue(), null);
        publish(noAbstract);

        PaperFailed failure = awaitFailure(noAbstract);

        assertEquals(Stage.SUMMARIZE, failure.stage());
        assertTrue(failure.reason().startsWith("no abstract to translate"), failure.reason());
        assertEquals(0, llm.chatCalls());
    }

    private PaperSummarized awaitSummary(PaperFetched paper) {
        return awaitOutput(paper);
    }
}

package org.paperdigest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.EventType;
import org.paperdigest.events.PaperEvent;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.Stage;
import org.paperdigest.testing.FakeOpenAiServer.Wrapping;

/**
 * {@link LlmServiceFlowTest}'s tests for a service that asks for {@code json_object} (a subclass is a
 * {@code @QuarkusTest} with {@code @WithTestResource(SmallModelLlmResource.class)}), against a fake that answers
 * like a small local model: the JSON in a code fence or beside a sentence, now and then cut off. Every test starts
 * with that mode on.
 */
public abstract class SmallModelFlowTest<R extends PaperEvent> extends LlmServiceFlowTest<R> {

    /** Papers made one after another, each anew, until the fake has written its reply every way it can. */
    private static final int MOST_PAPERS = 5;

    protected SmallModelFlowTest(String topicPrefix, EventType<R> output, Stage stage, String source,
            Duration patience) {
        super(topicPrefix, output, stage, source, patience);
    }

    @BeforeEach
    void answerLikeASmallModel() {
        llm.answerJsonObjectLikeSmallModels();
    }

    @Test
    void readsTheObjectOutOfWrappedRepliesAndReAsksWhenOneIsCutOff() throws Exception {
        double unusableBefore = unusableReplies();
        for (int i = 0; i < MOST_PAPERS && !everyWrappingServed(); i++) {
            PaperFetched paper = processablePaper(issue());
            publish(paper);
            assertEquals(paper.paperKey(), awaitOutput(paper).paperKey(), "made despite the wrapping");
            // Forgotten, so the next paper's calls reach the model instead of the store.
            StoredResults.forget(FakeOpenAiServer.MODEL);
        }

        for (Wrapping wrapping : Wrapping.values()) {
            assertTrue(llm.repliesWrapped(wrapping) > 0, "no reply was written " + wrapping);
        }
        Set<String> formats = llm.calls().stream().map(call -> call.body().at("/response_format/type").asText())
                .collect(Collectors.toSet());
        assertEquals(Set.of("json_object"), formats);
        // A cut-off reply is unusable as a whole, never read for a fragment (an inner object) it happens to hold.
        assertEquals(llm.repliesWrapped(Wrapping.BROKEN), unusableReplies() - unusableBefore,
                "attempts counted as invalid_output");
    }

    private static double unusableReplies() throws Exception {
        return PrometheusText.parse(PrometheusText.scrapeAppUnderTest()).samples("paperdigest_llm_calls_total",
                java.util.Map.of("outcome", "invalid_output")).stream().mapToDouble(PrometheusText.Sample::value).sum();
    }

    private boolean everyWrappingServed() {
        return Arrays.stream(Wrapping.values()).allMatch(wrapping -> llm.repliesWrapped(wrapping) > 0);
    }
}

package org.paperdigest.qa.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.EventType;
import org.paperdigest.events.Evidence;
import org.paperdigest.events.Page;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.QuestionAnswer;
import org.paperdigest.events.Stage;
import org.paperdigest.qa.FixturePapers;
import org.paperdigest.qa.domain.Chunker;
import org.paperdigest.qa.domain.QuoteMatcher;
import org.paperdigest.testing.FakeLlmResource;
import org.paperdigest.testing.FakeOpenAiServer.Call;
import org.paperdigest.testing.LlmServiceFlowTest;

/**
 * The whole service on the real broker, with the fake OpenAI-compatible server in place of a model. The dead-letter
 * and retry tests are inherited from {@link LlmServiceFlowTest}.
 */
@QuarkusTest
@WithTestResource(FakeLlmResource.class)
class QaFlowTest extends LlmServiceFlowTest<PaperAnswered> {

    static final String NOT_STATED = "論文中に記載がありません";

    QaFlowTest() {
        super("it-qa.", EventType.PAPER_ANSWERED, Stage.ANSWER, "/paper-digest/qa-service", Duration.ofSeconds(90));
    }

    @Override
    protected PaperFetched processablePaper(String issueId) {
        return FixturePapers.gpqaAbstractOnly(issueId);
    }

    @Test
    void answersFromTheFullTextWithQuotesFoundOnTheirPages() {
        PaperFetched gpqa = FixturePapers.gpqaFullText(issue());
        publish(gpqa);

        PaperAnswered answered = awaitAnswers(gpqa);

        List<QuestionAnswer> items = answered.items();
        assertTrue(items.size() >= 8 && items.size() <= 10, items.size() + " items");
        Map<Integer, String> pages = gpqa.fullText().pages().stream().collect(Collectors.toMap(Page::number, Page::text));
        List<QuestionAnswer> answerable = items.stream().filter(QuestionAnswer::answerable).toList();
        assertTrue(answerable.size() >= 5, answerable.size() + " answerable");
        for (QuestionAnswer item : answerable) {
            assertFalse(item.evidence().isEmpty());
            for (Evidence evidence : item.evidence()) {
                assertNotNull(evidence.page());
                assertTrue(QuoteMatcher.occursIn(evidence.quote(), pages.get(evidence.page())),
                        "quote not on page " + evidence.page() + ": " + evidence.quote());
                assertTrue(evidence.section() == null || pages.values().stream()
                        .anyMatch(p -> p.contains(evidence.section().split(" ")[0])), evidence.section());
            }
        }
        assertTrue(answerable.stream().flatMap(i -> i.evidence().stream())
                .anyMatch(e -> e.page() == 1 && "Abstract".equals(e.section()) && e.quote().contains("448")));

        QuestionAnswer carbon = items.stream().filter(i -> i.question().contains("二酸化炭素")).findFirst().orElseThrow();
        assertFalse(carbon.answerable());
        assertEquals(NOT_STATED, carbon.answer());
        assertTrue(carbon.evidence().isEmpty());
        assertTrue(items.stream().noneMatch(i -> i.question().startsWith("この論文は")), "the near-duplicate was dropped");
        assertEquals(items.size(), items.stream().map(QuestionAnswer::question).distinct().count());

        List<Call> calls = llm.calls();
        assertEquals("questions", calls.get(0).task());
        assertTrue(calls.get(0).prompt().contains("- 2.1 The Collection Pipeline"), "headings go to the question prompt");
        assertTrue(calls.get(0).prompt().contains(gpqa.metadata().abstractText()));
        assertEquals(items.size(), calls.stream().filter(c -> c.task().equals("answer")).count());
        assertTrue(calls.get(0).body().at("/response_format/json_schema/schema/properties").has("questions"),
                "structured output asks for the question set, not a wrapper");
        assertTrue(calls.get(1).body().at("/response_format/json_schema/schema/properties").has("evidence"));
        assertEquals("qa-v2", answered.generation().promptVersion());
        assertEquals("fake-chat-model", answered.generation().model());
        assertEquals(calls.stream().mapToInt(Call::promptTokens).sum(), answered.generation().usage().inputTokens());
        assertEquals(calls.stream().mapToInt(Call::completionTokens).sum(), answered.generation().usage().outputTokens());
        // The whole paper comes first in every answer prompt, so a prefix cache serves it after the first question.
        assertEquals(calls.stream().mapToInt(Call::cachedTokens).sum(), answered.generation().usage().cachedInputTokens());
        assertTrue(answered.generation().usage().cachedInputTokens() > answered.generation().usage().inputTokens() / 2,
                answered.generation().usage().toString());
        List<Call> answerCalls = calls.stream().filter(c -> c.task().equals("answer")).toList();
        assertTrue(answerCalls.stream().allMatch(c -> c.prompt().contains("AI tools are not allowed")
                && c.prompt().indexOf("<question>") > c.prompt().lastIndexOf("</chunk>")),
                "each answer is given the whole paper, the question after it");
    }

    @Test
    void anAbstractOnlyPaperIsAnsweredFromItsAbstract() {
        PaperFetched gpqa = FixturePapers.gpqaAbstractOnly(issue());
        publish(gpqa);

        PaperAnswered answered = awaitAnswers(gpqa);

        // At most five questions the abstract answers; one it does not answer is left out rather than shown blank.
        assertTrue(answered.items().size() >= 3 && answered.items().size() <= 5, answered.items().toString());
        assertTrue(answered.items().stream().allMatch(QuestionAnswer::answerable), answered.items().toString());
        assertTrue(llm.calls().get(0).prompt().contains("only the abstract could be read"));
        List<Evidence> evidence = answered.items().stream().flatMap(i -> i.evidence().stream()).toList();
        assertFalse(evidence.isEmpty());
        for (Evidence e : evidence) {
            assertNull(e.page());
            assertEquals(Chunker.ABSTRACT, e.section());
            assertTrue(QuoteMatcher.occursIn(e.quote(), gpqa.metadata().abstractText()), e.quote());
        }
    }

    @Test
    void reAsksAMisquotedAnswerWithTheFindingAndKeepsItOnlyOnceItIsTrue() {
        llm.answerUngroundedNext(1);
        PaperFetched gpqa = FixturePapers.gpqaAbstractOnly(issue());
        publish(gpqa);

        PaperAnswered answered = awaitAnswers(gpqa);

        List<Call> reAsks = llm.calls().stream().filter(c -> c.prompt().contains("<problems>")).toList();
        assertEquals(1, reAsks.size());
        assertTrue(reAsks.get(0).prompt().contains("does not occur word for word"), reAsks.get(0).prompt());
        assertTrue(answered.items().stream().flatMap(i -> i.evidence().stream())
                .allMatch(e -> QuoteMatcher.occursIn(e.quote(), gpqa.metadata().abstractText())));
    }

    @Test
    void failsThePaperWhenTooFewAnswersCanBeGrounded() {
        llm.answerUngroundedNext(1000);
        PaperFetched gpqa = FixturePapers.gpqaAbstractOnly(issue());
        publish(gpqa);

        PaperFailed failure = awaitFailure(gpqa);

        assertEquals(Stage.ANSWER, failure.stage());
        assertTrue(failure.reason().contains("passed the evidence checks"), failure.reason());
        assertTrue(failure.reason().contains("does not occur word for word"), failure.reason());
    }

    private PaperAnswered awaitAnswers(PaperFetched paper) {
        return awaitOutput(paper);
    }
}

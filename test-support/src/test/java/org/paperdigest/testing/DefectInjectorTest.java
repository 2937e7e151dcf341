package org.paperdigest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperdigest.testing.DefectInjector.Defect;
import org.paperdigest.testing.DefectInjector.Injection;

class DefectInjectorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TRANSLATION = "<title>GAIA: a benchmark</title>\n<protected>\n<span>GAIA</span>\n"
            + "<span>https://huggingface.co/gaia-benchmark</span>\n</protected>\n"
            + "<abstract>\nWe introduce GAIA. GAIA is at https://huggingface.co/gaia-benchmark.\n</abstract>";
    static final String QUESTIONS = "<title>GPQA</title>\n<abstract>\nWe present GPQA, a dataset of 448 questions."
            + " Experts reach 65% accuracy.\n</abstract>\n<headings>\n- 1 Introduction\n</headings>";
    static final String CHUNKS = "<chunk n=\"1\" page=\"1\">\nWe present GPQA, a dataset of 448 questions written by"
            + " experts. Experts reach 65% accuracy.\n</chunk>";

    final FakeOpenAiServer model = FakeOpenAiServer.start();
    final DefectInjector injector = DefectInjector.start(model);
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        injector.close();
        model.close();
    }

    @Test
    void passesRepliesThroughUnchangedAtRateZero() throws Exception {
        injector.inject(0, 1);

        JsonNode reply = chat(TRANSLATION);

        assertTrue(reply.get("abstractJa").asText().contains("https://huggingface.co/gaia-benchmark"));
        assertEquals(List.of(), injector.injections());
        assertEquals(1, model.chatCalls(), "the fake model answered");
    }

    @Test
    void corruptsOneOccurrenceOfAProtectedSpanAndRecordsTheText() throws Exception {
        injector.inject(0, 1);
        String clean = chat(TRANSLATION).get("abstractJa").asText();
        for (long seed = 1; seed <= 6; seed++) {
            injector.inject(1, seed);

            String ja = chat(TRANSLATION).get("abstractJa").asText();

            assertEquals(List.of(new Injection(Defect.CORRUPTED_SPAN, false, ja)), injector.injections());
            assertTrue(count(ja, "GAIA") == count(clean, "GAIA") - 1
                    ^ !ja.contains("https://huggingface.co/gaia-benchmark"), ja);
        }
    }

    @Test
    void spoilsAnswersInEachOfItsWaysWithTextsThatStandInTheReply() throws Exception {
        Set<Defect> seen = EnumSet.noneOf(Defect.class);
        injector.inject(1, 1);
        for (int n = 0; n < 10; n++) {
            JsonNode reply = chat("<question>専門家の正答率は？\n(What accuracy do experts reach?)</question>\n" + CHUNKS);
            Injection injection = injector.injections().get(n);
            String written = reply.get("answer").asText() + reply.at("/evidence/0/quote").asText();
            assertTrue(written.contains(injection.text()), written + " lacks " + injection.text());
            assertTrue(!CHUNKS.contains(injection.text()), "a defect is not in the source: " + injection.text());
            seen.add(injection.kind());
        }
        assertEquals(EnumSet.of(Defect.RESTATED_QUESTION, Defect.NUMBER_NOT_IN_SOURCE, Defect.INVENTED_QUOTE,
                Defect.FILLER, Defect.HIDDEN_GAP), seen);
    }

    @Test
    void insertsARewordedCopyOfAQuestionRightAfterIt() throws Exception {
        injector.inject(1, 7);

        JsonNode questions = chat(QUESTIONS).get("questions");

        String copy = injector.injections().stream().filter(i -> i.kind() == Defect.DUPLICATE_QUESTION)
                .findFirst().orElseThrow().text();
        int at = 0;
        while (!questions.get(at).get("questionJa").asText().equals(copy)) {
            at++;
        }
        assertEquals("具体的には、" + questions.get(at - 1).get("questionJa").asText(), copy);
    }

    @Test
    void joinsTwoQuestionsIntoOneThatAsksBoth() throws Exception {
        injector.inject(1, 7);

        JsonNode questions = chat(QUESTIONS).get("questions");

        String joined = injector.injections().stream().filter(i -> i.kind() == Defect.BUNDLED_QUESTION)
                .findFirst().orElseThrow().text();
        JsonNode bundled = StreamSupport.stream(questions.spliterator(), false)
                .filter(q -> q.get("questionJa").asText().equals(joined)).findFirst().orElseThrow();
        assertTrue(joined.contains("、また"), joined);
        assertTrue(bundled.get("questionEn").asText().contains(", and "), bundled.toString());
    }

    @Test
    void drawsTheSameDefectForTheSamePromptAndSeed() throws Exception {
        injector.inject(1, 3);
        JsonNode first = chat(TRANSLATION);
        injector.inject(1, 3);
        assertEquals(first, chat(TRANSLATION));
    }

    @Test
    void passesFailuresThroughWithTheirRetryAfter() throws Exception {
        injector.inject(1, 1);
        model.rateLimitNext(1, 7);

        HttpResponse<String> response = post(TRANSLATION);

        assertEquals(429, response.statusCode());
        assertEquals("7", response.headers().firstValue("Retry-After").orElse(null));
        assertEquals(List.of(), injector.injections());
    }

    private JsonNode chat(String userPrompt) throws Exception {
        HttpResponse<String> response = post(userPrompt);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(JSON.readTree(response.body()).at("/choices/0/message/content").asText());
    }

    private HttpResponse<String> post(String userPrompt) throws Exception {
        ObjectNode request = JSON.createObjectNode().put("model", FakeOpenAiServer.MODEL);
        request.putArray("messages").addObject().put("role", "user").put("content", userPrompt);
        return http.send(HttpRequest.newBuilder(URI.create(injector.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}

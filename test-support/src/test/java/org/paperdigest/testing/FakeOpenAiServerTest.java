package org.paperdigest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOpenAiServerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final FakeOpenAiServer server = FakeOpenAiServer.start();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersInTheChatCompletionShapeWithUsage() throws Exception {
        HttpResponse<String> response = chat("Say OK.");

        assertEquals(200, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("chat.completion", body.get("object").asText());
        assertEquals("my-model", body.get("model").asText());
        assertEquals("assistant", body.at("/choices/0/message/role").asText());
        assertEquals("stop", body.at("/choices/0/finish_reason").asText());
        int prompt = body.at("/usage/prompt_tokens").asInt();
        int completion = body.at("/usage/completion_tokens").asInt();
        assertTrue(prompt > 0 && completion > 0);
        assertEquals(prompt + completion, body.at("/usage/total_tokens").asInt());
        assertTrue(server.baseUrl().endsWith("/v1"));
    }

    @Test
    void reportsTheSharedPromptPrefixAsCachedTokensAsAPrefixCacheWould() throws Exception {
        String paper = "word ".repeat(2000);
        JsonNode first = JSON.readTree(chat(paper + "<question>first?</question>").body());
        JsonNode second = JSON.readTree(chat(paper + "<question>second?</question>").body());
        JsonNode brief = JSON.readTree(chat("Say OK.").body());

        assertEquals(0, first.at("/usage/prompt_tokens_details/cached_tokens").asInt());
        assertEquals(1920, second.at("/usage/prompt_tokens_details/cached_tokens").asInt(),
                "the 2000 shared words, in steps of 128");
        assertEquals(0, brief.at("/usage/prompt_tokens_details/cached_tokens").asInt());
        assertEquals(1920, server.calls().get(1).cachedTokens());
    }

    @Test
    void listsItsModel() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(FakeOpenAiServer.MODEL, JSON.readTree(response.body()).at("/data/0/id").asText());
    }

    @Test
    void translationKeepsTheGivenSpansAndIsWrittenInKatakana() throws Exception {
        String prompt = "<title>GAIA: a benchmark</title>\n<protected>\n<span>GAIA</span>\n"
                + "<span>https://huggingface.co/gaia-benchmark</span>\n</protected>\n"
                + "<abstract>\nWe introduce GAIA. It is at https://huggingface.co/gaia-benchmark.\n</abstract>";

        JsonNode reply = content(chat(prompt));

        String ja = reply.get("abstractJa").asText();
        assertTrue(ja.contains("GAIA") && ja.contains("https://huggingface.co/gaia-benchmark"), ja);
        assertTrue(ja.contains("ワエイントラオドウクエ"), ja);
        assertFalse(reply.get("summaryJa").asText().isBlank());

        server.answerUngroundedNext(1);
        String mangled = content(chat(prompt)).get("abstractJa").asText();
        assertFalse(mangled.contains("GAIA"), mangled);
        assertFalse(mangled.contains("https://huggingface.co/gaia-benchmark"), mangled);
    }

    @Test
    void answerQuotesTheBestMatchingChunkVerbatimOrSaysNotStated() throws Exception {
        String chunks = "<chunk n=\"1\" page=\"1\">\nWe present GPQA, a dataset of 448 questions. Experts reach 65% accuracy.\n</chunk>\n"
                + "<chunk n=\"2\" page=\"2\">\nNon-expert validators reach 34% accuracy despite web access.\n</chunk>";

        JsonNode answer = content(chat("<question>How accurate are non-expert validators with web access?</question>\n" + chunks));
        assertTrue(answer.get("answerable").asBoolean());
        assertEquals(2, answer.at("/evidence/0/chunk").asInt());
        assertEquals("Non-expert validators reach 34% accuracy despite web access.", answer.at("/evidence/0/quote").asText());

        JsonNode unknown = content(chat("<question>How many kilograms of carbon dioxide did the project emit?</question>\n" + chunks));
        assertFalse(unknown.get("answerable").asBoolean());
        assertEquals(FakeOpenAiServer.NOT_STATED, unknown.get("answer").asText());

        server.answerUngroundedNext(1);
        JsonNode misquote = content(chat("<question>How accurate are non-expert validators with web access?</question>\n" + chunks));
        assertFalse(chunks.contains(misquote.at("/evidence/0/quote").asText()));
    }

    @Test
    void questionsComeFromTheAbstractAndHeadingsWithOneNearDuplicate() throws Exception {
        String prompt = "<title>T</title>\n<abstract>\nWe present GPQA, a challenging dataset. Experts reach 65% accuracy.\n</abstract>\n"
                + "<headings>\n- 1 Introduction\n- 2 Data Collection\n</headings>";

        JsonNode questions = content(chat(prompt)).get("questions");

        assertEquals(6, questions.size());
        assertTrue(questions.get(0).get("questionEn").asText().contains("We present GPQA, a challenging dataset."));
        assertTrue(questions.get(2).get("questionJa").asText().startsWith("この論文は「We present GPQA"));
        assertTrue(questions.get(5).get("questionEn").asText().contains("2 Data Collection"));
    }

    @Test
    void queuedFaultsHitTheNextCallsInOrder() throws Exception {
        server.rateLimitNext(1, 3);
        server.failNext(1);
        server.answerInvalidJsonNext(1);

        HttpResponse<String> limited = chat("x");
        assertEquals(429, limited.statusCode());
        assertEquals("3", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(500, chat("x").statusCode());
        HttpResponse<String> notJson = chat("x");
        assertEquals(200, notJson.statusCode());
        assertThrows(IOException.class, () -> JSON.readTree(JSON.readTree(notJson.body()).at("/choices/0/message/content").asText()));
        assertEquals(200, chat("x").statusCode());

        assertEquals(4, server.chatCalls());
        assertEquals(429, server.calls().get(0).status());
        server.reset();
        assertEquals(0, server.chatCalls());
    }

    @Test
    void faultsASeededShareOfCallsWithRateLimitsServerErrorsAndStalls() throws Exception {
        List<String> outcomes = outcomesOfFaultShare(server);

        long limited = outcomes.stream().filter("429 Retry-After 1"::equals).count();
        long failed = outcomes.stream().filter("500"::equals).count();
        long stalled = outcomes.stream().filter("timeout"::equals).count();
        assertEquals(outcomes.size(), limited + failed + stalled + outcomes.stream().filter("200"::equals).count(),
                outcomes.toString());
        assertEquals(limited, server.faultsServed(FakeOpenAiServer.Fault.RATE_LIMITED));
        assertEquals(failed, server.faultsServed(FakeOpenAiServer.Fault.SERVER_ERROR));
        assertEquals(stalled, server.faultsServed(FakeOpenAiServer.Fault.TIMEOUT), outcomes.toString());
        assertTrue(limited > 0 && failed > 0 && stalled > 0, outcomes.toString());
        // 40 draws at 30 %: 12 expected; far outside 4..22 would mean the share is not applied.
        long faulted = limited + failed + stalled;
        assertTrue(faulted >= 4 && faulted <= 22, faulted + " faulted: " + outcomes);

        try (FakeOpenAiServer again = FakeOpenAiServer.start()) {
            assertEquals(outcomes, outcomesOfFaultShare(again), "the same seed faults the same calls");
        }
        server.reset();
        assertEquals(0, server.faultsServed(FakeOpenAiServer.Fault.TIMEOUT));
        assertEquals(200, chat("x").statusCode(), "reset ends the fault share");
    }

    /** 40 calls one after another under a 30 % fault share, each as its status, or "timeout" after 500 ms. */
    private List<String> outcomesOfFaultShare(FakeOpenAiServer target) throws Exception {
        assertEquals(200, http.send(chatRequest(target, "warm up", Duration.ofSeconds(30)),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        target.faultShare(0.3, 7, Duration.ofMillis(1500));
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            try {
                HttpResponse<String> response = http.send(chatRequest(target, "x", Duration.ofMillis(500)),
                        HttpResponse.BodyHandlers.ofString());
                outcomes.add(response.statusCode() == 429
                        ? "429 Retry-After " + response.headers().firstValue("Retry-After").orElse("none")
                        : Integer.toString(response.statusCode()));
            } catch (HttpTimeoutException e) {
                outcomes.add("timeout");
            }
        }
        return outcomes;
    }

    @Test
    void servesCallsConcurrentlyAndRecordsHowManyRanAtOnce() throws Exception {
        server.delayReplies(java.time.Duration.ofMillis(300));
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<HttpResponse<String>>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                replies.add(callers.submit(() -> chat("x")));
            }
            for (java.util.concurrent.Future<HttpResponse<String>> reply : replies) {
                assertEquals(200, reply.get().statusCode());
            }
        } finally {
            callers.shutdownNow();
        }

        assertEquals(3, server.mostConcurrentChats());
        // A reset counts the calls still in progress; the callers have their replies, the server finishes soon after.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.chatsInProgress() == 0);
        server.reset();
        assertEquals(0, server.mostConcurrentChats());
    }

    @Test
    void checksTheResponseFormatAsOpenAiDoes() throws Exception {
        ObjectNode request = JSON.createObjectNode().put("model", "m");
        request.putArray("messages").addObject().put("role", "user").put("content", "x");
        request.putObject("response_format").put("type", "json_schema");

        HttpResponse<String> response = post(request);

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("json_schema"), response.body());
        ((ObjectNode) request.get("response_format")).putObject("json_schema").put("name", "Reply").putObject("schema");
        assertEquals(200, post(request).statusCode());
    }

    @Test
    void answersJsonObjectRequestsLikeSmallModelsOnlyInThatMode() throws Exception {
        String prompt = "<protected>\n</protected>\n<abstract>\nWe present GPQA.\n</abstract>";
        ObjectNode request = JSON.createObjectNode().put("model", "m");
        request.putArray("messages").addObject().put("role", "user").put("content", prompt);
        request.putObject("response_format").put("type", "json_object");
        assertTrue(rawContent(post(request)).startsWith("{"), "a plain reply until the mode is on");

        server.answerJsonObjectLikeSmallModels();
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replies.add(rawContent(post(request)));
        }

        assertTrue(replies.get(0).startsWith("```json\n{") && replies.get(0).endsWith("}\n```"), replies.get(0));
        assertTrue(replies.get(1).startsWith("Here is the JSON object"), replies.get(1));
        assertTrue(replies.get(2).endsWith("I followed the instructions above."), replies.get(2));
        assertTrue(JSON.readTree(replies.get(3)).has("abstractJa"), replies.get(3));
        assertThrows(IOException.class, () -> JSON.readTree(replies.get(4).replace("```json", "")), replies.get(4));
        assertTrue(replies.get(9).startsWith("Here is the JSON object"), "the same abstract is broken only once: "
                + replies.get(9));
        assertEquals(1, server.repliesWrapped(FakeOpenAiServer.Wrapping.BROKEN));
        assertEquals(2, server.repliesWrapped(FakeOpenAiServer.Wrapping.FENCED));

        ((ObjectNode) request.get("response_format")).put("type", "json_schema").putObject("json_schema")
                .put("name", "Reply").putObject("schema");
        assertTrue(rawContent(post(request)).startsWith("{"), "json_schema replies stay bare");
    }

    @Test
    void rejectsARequestWithoutMessages() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        assertEquals("'messages' is required", JSON.readTree(response.body()).at("/error/message").asText());
    }

    private HttpResponse<String> chat(String userPrompt) throws IOException, InterruptedException {
        return http.send(chatRequest(server, userPrompt, Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest chatRequest(FakeOpenAiServer target, String userPrompt, Duration timeout) {
        ObjectNode request = JSON.createObjectNode().put("model", "my-model").put("temperature", 0.1);
        request.putArray("messages").addObject().put("role", "system").put("content", "Ignore <abstract>this</abstract>.");
        ((ArrayNode) request.get("messages")).addObject()
                .put("role", "user").put("content", userPrompt);
        return post(target, request).version(HttpClient.Version.HTTP_1_1).timeout(timeout).build();
    }

    private HttpResponse<String> post(ObjectNode request) throws IOException, InterruptedException {
        return http.send(post(server, request).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder post(FakeOpenAiServer target, ObjectNode request) {
        return HttpRequest.newBuilder(URI.create(target.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
    }

    private static String rawContent(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).at("/choices/0/message/content").asText();
    }

    private static JsonNode content(HttpResponse<String> response) throws IOException {
        return JSON.readTree(JSON.readTree(response.body()).at("/choices/0/message/content").asText());
    }
}

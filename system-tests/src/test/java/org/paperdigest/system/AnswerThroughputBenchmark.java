package org.paperdigest.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Topics;
import org.paperdigest.testing.Broker;
import org.paperdigest.testing.FakeOpenAiServer;
import org.paperdigest.testing.FixtureServer;

/**
 * BENCHMARK, not a test of the build (run it with {@code dev/bench-answers.sh}): a custom issue of five papers
 * (GPQA from its PDF, four from their abstracts) through the four packaged services, with the fake LLM answering
 * every call a fixed time after it arrived, as a real server's latency would. Prints the wall time from request to
 * publication beside the ideal: the larger of each LLM service's calls × latency ÷ its call slots
 * ({@code paperdigest.llm.max-concurrent-calls}) and the longest chain of calls that must wait for each other (a
 * paper's questions, then an answer, each with its re-ask where one was made), and when the first LLM call was asked
 * and the last answered, so the time outside the calls shows. The issue is made twice: first by services just
 * started (each JVM's first paper loads and compiles its code on the way), then, with the stored results forgotten
 * so that every call is made again, by the same services warm, as a service that has been running meets the next
 * issue. Asserts only that each issue published with its five papers.
 */
class AnswerThroughputBenchmark {

    private static final List<String> PAPERS = List.of("2311.12022", "2311.11045", "2311.13581", "2311.10702",
            "2311.11829");
    private static final Duration LATENCY = Duration.ofSeconds(2);
    private static final int CALL_SLOTS = 4;

    @Test
    void answersFivePapersNearTheIdealTime() throws Exception {
        Path repo = Path.of(System.getProperty("user.dir")).getParent();
        SystemEnvironment environment = SystemEnvironment.fromEnv();
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        try (Broker broker = new Broker(environment.bootstrap());
                FixtureServer fixtures = FixtureServer.start();
                FakeOpenAiServer llm = FakeOpenAiServer.start()) {
            List<String> topics = new ArrayList<>(List.of(Topics.ISSUE_PLANS, Topics.PAPERS_FETCHED,
                    Topics.PAPER_SUMMARIES, Topics.PAPER_ANSWERS, Topics.PAPER_FAILURES,
                    Topics.REGENERATION_REQUESTS, Topics.ISSUES_PUBLISHED));
            broker.reset(topics, List.of("summarizer-service", "qa-service", "publisher-service"));
            environment.emptyServiceSchemas();
            Map<String, String> settings = environment.serviceSettings(fixtures, llm);
            settings.put("paperdigest.llm.max-concurrent-calls", Integer.toString(CALL_SLOTS));
            Path logs = Files.createDirectories(repo.resolve("system-tests/target/service-logs"));
            for (String module : List.of("fetcher-service", "summarizer-service", "qa-service", "publisher-service")) {
                services.put(module, ServiceProcess.start(repo, module, settings, logs));
            }
            for (ServiceProcess service : services.values()) {
                service.awaitReady(Duration.ofMinutes(5));
            }
            System.out.printf("%nAnswer throughput: %d papers, %.0f s per LLM call, %d call slots per service%n",
                    PAPERS.size(), seconds(LATENCY), CALL_SLOTS);
            makeIssue("first issue, services just started", services, llm);
            environment.forgetGeneratedResults();
            llm.reset();
            makeIssue("second issue, same services warm", services, llm);
        } finally {
            for (ServiceProcess service : services.values()) {
                service.close();
            }
        }
    }

    /** Requests the issue, waits for its publication and prints its figures. */
    private static void makeIssue(String label, Map<String, ServiceProcess> services, FakeOpenAiServer llm)
            throws Exception {
        llm.delayReplies(LATENCY);
        Instant requested = Instant.now();
        HttpResponse<String> accepted = Http.postJson(services.get("fetcher-service").url("/api/issues"),
                "{\"arxivIds\":[\"" + String.join("\",\"", PAPERS) + "\"],\"title\":\"Benchmark\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        String issueId = Http.json(accepted).get("issueId").asText();
        JsonNode issue = awaitPublished(services.get("publisher-service").url("/api/issues/" + issueId));
        double wall = seconds(Duration.between(requested, Instant.now()));
        assertEquals(PAPERS.size(), issue.at("/content/paperCount").asInt());

        List<FakeOpenAiServer.Call> calls = llm.calls();
        long summaries = calls.stream().filter(c -> c.task().equals("translation")).count();
        long questions = calls.stream().filter(c -> c.task().equals("questions")).count();
        long answers = calls.stream().filter(c -> c.task().equals("answer")).count();
        boolean questionsReasked = calls.stream()
                .anyMatch(c -> c.task().equals("questions") && c.prompt().contains("<problems>"));
        boolean answersReasked = calls.stream()
                .anyMatch(c -> c.task().equals("answer") && c.prompt().contains("<problems>"));
        double latency = seconds(LATENCY);
        double summarizerBound = summaries * latency / CALL_SLOTS;
        double qaBound = (questions + answers) * latency / CALL_SLOTS;
        double chain = (2 + (questionsReasked ? 1 : 0) + (answersReasked ? 1 : 0)) * latency;
        double ideal = Math.max(Math.max(summarizerBound, qaBound), chain);
        // A call is stamped when it arrives and answered one latency later.
        Instant firstAsked = calls.stream().map(FakeOpenAiServer.Call::receivedAt).min(Instant::compareTo)
                .orElseThrow();
        Instant lastAnswered = calls.stream().map(FakeOpenAiServer.Call::receivedAt).max(Instant::compareTo)
                .orElseThrow().plus(LATENCY);
        System.out.printf("%s:%n", label);
        System.out.printf("  calls: summarizer %d, qa %d (questions %d, answers %d)%n", summaries,
                questions + answers, questions, answers);
        System.out.printf("  ideal: max(summarizer %.1f s, qa %.1f s, longest chain %.1f s) = %.1f s%n",
                summarizerBound, qaBound, chain, ideal);
        System.out.printf("  wall time, request to published: %.1f s; ideal / wall = %.2f%n", wall, ideal / wall);
        System.out.printf("  time line: first LLM call asked %.1f s after the request, last answered at %.1f s,"
                + " published at %.1f s%n", seconds(Duration.between(requested, firstAsked)),
                seconds(Duration.between(requested, lastAnswered)), wall);
        List<Instant> qaCalls = calls.stream().filter(c -> !c.task().equals("translation"))
                .map(FakeOpenAiServer.Call::receivedAt).sorted().toList();
        double qaPhase = seconds(Duration.between(qaCalls.get(0), qaCalls.get(qaCalls.size() - 1).plus(LATENCY)));
        System.out.printf("  qa calls kept its %d slots %.0f%% busy from its first call to its last answer (%.1f s)%n",
                CALL_SLOTS, 100 * qaCalls.size() * latency / (CALL_SLOTS * qaPhase), qaPhase);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static JsonNode awaitPublished(String url) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = Http.get(url);
            if (response.statusCode() == 200) {
                JsonNode issue = Http.json(response);
                if ("PUBLISHED".equals(issue.get("status").asText())) {
                    return issue;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not published within 10 minutes; logs in system-tests/target/service-logs");
    }
}

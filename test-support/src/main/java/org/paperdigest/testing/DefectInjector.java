package org.paperdigest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * TEST ONLY: an OpenAI-compatible chat server in front of {@link FakeOpenAiServer} that writes a known defect into a
 * seeded share of the fake's replies, as a careless model would, and records each one with the text it put in. A
 * reply is defective with probability {@code rate}, drawn from the seed and the prompt alone, so the same replies are
 * defective whatever order the calls come in, and a re-ask (whose prompt carries the findings) gets a draw of its own.
 * A defective answer gets the kinds of answer defect in turn, so that every kind is injected once as many answers as
 * there are kinds are defective; a question set gets a duplicate and a bundled question both. Requests and everything else of a reply pass
 * through unchanged.
 */
public final class DefectInjector implements AutoCloseable {

    /** What a defective reply does wrong, by the task it answers (as {@link FakeOpenAiServer.Call#task} names it). */
    public enum Defect {
        /** One occurrence of a protected span changed (its last word in katakana, as in {@code GAIA: a ベンチマーク})
         * or dropped. */
        CORRUPTED_SPAN("translation"),
        /** Only the question, turned into a statement. */
        RESTATED_QUESTION("answer"),
        /** A percentage that the prompt (question and chunks) does not contain. */
        NUMBER_NOT_IN_SOURCE("answer"),
        /** The quote starts as in the chunk and goes on with words the chunk does not have. */
        INVENTED_QUOTE("answer"),
        /** Words that say nothing, like 「はい、いくつか調査されています」. */
        FILLER("answer"),
        /** A reworded copy of one of the set's questions, inserted after it. */
        DUPLICATE_QUESTION("questions"),
        /** Two of the set's questions joined into one that asks both ("…, and what …?"). */
        BUNDLED_QUESTION("questions"),
        /** The answer's gap covered by a claim the text does not make: a sentence crediting a made-up benchmark
         * with "the remaining points", and nothing listed as not stated. */
        HIDDEN_GAP("answer");

        private final String task;

        Defect(String task) {
            this.task = task;
        }

        public String task() {
            return task;
        }
    }

    /** One defect put into a reply: its kind, whether the prompt was a re-ask, and the defective text. */
    public record Injection(Defect kind, boolean reAsk, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SPAN = Pattern.compile("<span>(.*?)</span>", Pattern.DOTALL);
    private static final Pattern QUESTION = Pattern.compile("<question>\\s*(.*)");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final List<String> FILLERS = List.of("はい、いくつか調査されています。",
            "はい、与えられた文脈では、いくつかの手法が調査されています。", "主な課題は、次のようなものです。");

    private final FakeOpenAiServer model;
    private final HttpServer http;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "defect-injector");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Injection> injections = new CopyOnWriteArrayList<>();
    private final AtomicInteger answersSpoiled = new AtomicInteger();
    private volatile double rate;
    private volatile long seed;

    private DefectInjector(FakeOpenAiServer model, HttpServer http) {
        this.model = model;
        this.http = http;
        http.createContext("/v1/", this::forward);
        http.setExecutor(workers);
        http.start();
    }

    /** Starts on 127.0.0.1 and an ephemeral port, passing every reply of {@code model} through unchanged. */
    public static DefectInjector start(FakeOpenAiServer model) {
        try {
            return new DefectInjector(model, HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OpenAI base URL, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/v1";
    }

    /** From now on makes a share {@code rate} of the replies defective, drawn with {@code seed}; forgets the log. */
    public void inject(double rate, long seed) {
        this.seed = seed;
        this.rate = rate;
        injections.clear();
        answersSpoiled.set(0);
    }

    public List<Injection> injections() {
        return List.copyOf(injections);
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        String target = model.baseUrl().replaceFirst("/v1$", "") + exchange.getRequestURI().getPath();
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(target))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(request));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            forwarded.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        byte[] body = response.body();
        if (response.statusCode() == 200 && target.endsWith("/chat/completions")) {
            body = withDefect(request, body);
        }
        response.headers().map().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Retry-After")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        exchange.sendResponseHeaders(response.statusCode(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** The completion with its message rewritten, when the draw says so and a defect fits the reply. */
    private byte[] withDefect(byte[] request, byte[] completion) throws IOException {
        String prompt = userPrompt(JSON.readTree(request));
        SplittableRandom random = new SplittableRandom(seed ^ prompt.hashCode() * 0x9E3779B97F4A7C15L);
        if (random.nextDouble() >= rate) {
            return completion;
        }
        ObjectNode reply = (ObjectNode) JSON.readTree(completion);
        ObjectNode message = (ObjectNode) reply.path("choices").path(0).path("message");
        JsonNode draft;
        try {
            draft = JSON.readTree(message.path("content").asText());
        } catch (IOException notJson) {
            return completion;
        }
        if (!(draft instanceof ObjectNode content)) {
            return completion;
        }
        List<Injection> made = new ArrayList<>();
        if (content.has("abstractJa")) {
            corruptSpan(content, prompt, random).ifPresent(made::add);
        } else if (content.has("questions")) {
            // A careless set repeats a question and bundles two others.
            bundleQuestions(content, prompt, random).ifPresent(made::add);
            duplicateQuestion(content, prompt, random).ifPresent(made::add);
        } else if (content.path("answerable").asBoolean(false) && !content.path("evidence").isEmpty()) {
            spoilAnswer(content, prompt, random).ifPresent(made::add);
        }
        if (made.isEmpty()) {
            return completion;
        }
        injections.addAll(made);
        message.put("content", content.toString());
        return JSON.writeValueAsBytes(reply);
    }

    private static Optional<Injection> corruptSpan(ObjectNode draft, String prompt, SplittableRandom random) {
        String ja = draft.path("abstractJa").asText();
        List<String> spans = new ArrayList<>();
        Matcher m = SPAN.matcher(prompt);
        while (m.find()) {
            if (ja.contains(m.group(1))) {
                spans.add(m.group(1));
            }
        }
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        String span = spans.get(random.nextInt(spans.size()));
        String changed = "";
        Matcher word = LATIN_WORD.matcher(span);
        int start = -1;
        int end = -1;
        while (word.find()) {
            start = word.start();
            end = word.end();
        }
        if (start >= 0 && random.nextBoolean()) {
            changed = span.substring(0, start) + katakana(span.substring(start, end)) + span.substring(end);
        }
        int at = ja.indexOf(span);
        String defective = ja.substring(0, at) + changed + ja.substring(at + span.length());
        draft.put("abstractJa", defective);
        return Optional.of(new Injection(Defect.CORRUPTED_SPAN, isReAsk(prompt), defective));
    }

    private static Optional<Injection> duplicateQuestion(ObjectNode draft, String prompt, SplittableRandom random) {
        ArrayNode questions = (ArrayNode) draft.path("questions");
        if (questions.isEmpty()) {
            return Optional.empty();
        }
        // Early in the set, so that it would be among the questions kept if it were not recognised.
        int i = random.nextInt(Math.min(questions.size(), 6));
        JsonNode original = questions.get(i);
        String en = original.path("questionEn").asText();
        ObjectNode copy = ((ObjectNode) original.deepCopy())
                .put("questionJa", "具体的には、" + original.path("questionJa").asText())
                .put("questionEn", "Specifically, " + en.substring(0, 1).toLowerCase() + en.substring(1));
        questions.insert(i + 1, copy);
        return Optional.of(new Injection(Defect.DUPLICATE_QUESTION, isReAsk(prompt), copy.get("questionJa").asText()));
    }

    private static Optional<Injection> bundleQuestions(ObjectNode draft, String prompt, SplittableRandom random) {
        ArrayNode questions = (ArrayNode) draft.path("questions");
        if (questions.size() < 2) {
            return Optional.empty();
        }
        int i = random.nextInt(Math.min(questions.size() - 1, 5));
        JsonNode first = questions.get(i);
        JsonNode second = questions.get(i + 1);
        String en = second.path("questionEn").asText();
        ObjectNode joined = ((ObjectNode) first.deepCopy())
                .put("questionJa", first.path("questionJa").asText().replaceFirst("[?？]$", "") + "、また"
                        + second.path("questionJa").asText())
                .put("questionEn", first.path("questionEn").asText().replaceFirst("\\?$", "") + ", and "
                        + en.substring(0, 1).toLowerCase() + en.substring(1));
        questions.set(i, joined);
        questions.remove(i + 1);
        return Optional.of(new Injection(Defect.BUNDLED_QUESTION, isReAsk(prompt), joined.get("questionJa").asText()));
    }

    private Optional<Injection> spoilAnswer(ObjectNode draft, String prompt, SplittableRandom random) {
        String answer = draft.path("answer").asText();
        ObjectNode evidence = (ObjectNode) draft.path("evidence").get(0);
        String quote = evidence.path("quote").asText();
        List<Defect> kinds = List.of(Defect.RESTATED_QUESTION, Defect.NUMBER_NOT_IN_SOURCE, Defect.INVENTED_QUOTE,
                Defect.FILLER, Defect.HIDDEN_GAP);
        Defect kind = kinds.get(answersSpoiled.getAndIncrement() % kinds.size());
        String text = switch (kind) {
            case RESTATED_QUESTION -> {
                Matcher asked = QUESTION.matcher(prompt);
                String question = asked.find() ? asked.group(1).strip() : "";
                yield question.replaceFirst("[?？]$", "").replaceFirst("か$", "").replaceFirst("何[をがと]", "") + "。";
            }
            case NUMBER_NOT_IN_SOURCE -> {
                String number;
                do {
                    number = (10 + random.nextInt(90)) + "." + (1 + random.nextInt(9));
                } while (prompt.contains(number));
                yield answer + "正解率は" + number + "%に達する。";
            }
            case HIDDEN_GAP -> {
                String benchmark;
                do {
                    benchmark = "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26))
                            + (char) ('A' + random.nextInt(26)) + "-Eval";
                } while (prompt.contains(benchmark));
                draft.putArray("notStated");
                yield answer + "残りの点についても、著者らは" + benchmark + "での評価によって確かめたと報告している。";
            }
            case INVENTED_QUOTE -> {
                String[] words = quote.split("\\s+");
                String opening = String.join(" ", List.of(words).subList(0, Math.min(6, words.length)));
                yield opening + " and consistently outperforms every baseline that was evaluated";
            }
            default -> FILLERS.get(random.nextInt(FILLERS.size()));
        };
        if (kind == Defect.INVENTED_QUOTE) {
            evidence.put("quote", text);
            draft.put("answer", answer.replace(quote, text));
        } else {
            draft.put("answer", text);
        }
        return Optional.of(new Injection(kind, isReAsk(prompt), text));
    }

    /** A service re-asks with the findings on its previous reply between {@code <problems>} tags. */
    private static boolean isReAsk(String prompt) {
        return prompt.contains("<problems>");
    }

    /** Latin letters as katakana, one sign per letter: a name rendered as a careless translation would. */
    private static String katakana(String word) {
        StringBuilder out = new StringBuilder();
        word.toLowerCase().chars().forEach(c -> out.append((char) ('ア' + 2 * (c - 'a'))));
        return out.toString();
    }

    private static String userPrompt(JsonNode body) {
        String text = "";
        for (JsonNode message : body.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                JsonNode content = message.path("content");
                text = content.isArray() ? content.findValuesAsText("text").stream().collect(Collectors.joining("\n"))
                        : content.asText("");
            }
        }
        return text;
    }
}

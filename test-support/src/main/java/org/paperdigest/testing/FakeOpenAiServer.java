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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * TEST ONLY: an OpenAI-compatible chat server that never runs a model. It serves {@code POST /v1/chat/completions}
 * and {@code GET /v1/models} on 127.0.0.1 with the real wire format, and builds every answer from the prompt it
 * receives, so a test can tell a grounded result from an invented one:
 * <ul>
 * <li>a translation request (a user message with {@code <abstract>} and {@code <protected>}) gets a pseudo-Japanese
 * rendering of the abstract (letters turned into katakana) that keeps each {@code <span>} it was given byte for
 * byte, and key results made of the words around the numbers the abstract states;</li>
 * <li>a question request ({@code <headings>}) gets up to 12 questions built from the abstract's sentences and the
 * headings, among them one near-duplicate and one question the paper cannot answer;</li>
 * <li>an answer request ({@code <question>} and {@code <chunk n="…">}) gets a verbatim quote of the chunk sentence
 * that shares most words with the question, or {@code answerable:false} with the question's opening in
 * {@code notStated} when no sentence does.</li>
 * </ul>
 * The JSON it returns uses the field names of the services' structured-output records: {@code abstractJa,
 * summaryJa, keyResultsJa}; {@code questions[aspect, questionJa, questionEn]}; {@code answerable, answer, notStated, evidence[chunk, quote]}.
 * A {@code response_format} must be well formed ({@code text}, {@code json_object}, or {@code json_schema} with a
 * schema), as OpenAI requires; the reply is JSON either way. Faults for the next calls
 * (429 with {@code Retry-After}, 500, text that is not JSON, quotes that do not match the text) are queued with
 * {@link #rateLimitNext}, {@link #failNext}, {@link #answerInvalidJsonNext} and {@link #answerUngroundedNext};
 * {@link #faultShare} instead faults a seeded random share of all calls with 429, 500 or a reply too slow to wait
 * for, and {@link #faultsServed} tells how many of each were served.
 * Calls are served concurrently; {@link #delayReplies} gives each a fixed latency, and {@link #mostConcurrentChats}
 * tells how many were ever in progress at once. {@link #answerJsonObjectLikeSmallModels} makes it answer
 * {@code json_object} requests as small local models do (see {@link Wrapping}).
 * Run {@link #main} to point a service at it by hand.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    public static final String MODEL = "fake-chat-model";
    public static final String NOT_STATED = "論文中に記載がありません";

    /** What a fault does to one chat call; {@code TIMEOUT} replies only after {@link #faultShare}'s stall. */
    public enum Fault { RATE_LIMITED, SERVER_ERROR, INVALID_JSON, TIMEOUT }

    /**
     * How a {@code json_object} reply is written in {@link #answerJsonObjectLikeSmallModels} mode, in turn: inside a
     * code fence, after a leading sentence, fenced with a sentence after it, bare; and every fifth reply
     * {@code BROKEN}, cut off before its object closes, as a model stopped by its output limit: right after the last
     * inner object it completed (an answer's evidence entry, a question), else two thirds in (never twice for the
     * same abstract or question, so a client that re-asks always gets a whole object the second time).
     */
    public enum Wrapping { FENCED, LEADING_SENTENCE, TRAILING_SENTENCE, BARE, BROKEN }

    /** The faults {@link #faultShare} draws from, each as likely as the others. */
    private static final Fault[] TRANSIENT = {Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.TIMEOUT};
    /** When the chat call this thread is serving is to be answered ({@link #delayReplies}). */
    private static final ThreadLocal<Long> REPLY_AT = new ThreadLocal<>();

    /**
     * One chat call as received: when, the task its user message held ({@code translation}, {@code questions},
     * {@code answer} or {@code other}), the raw body, that user message, the HTTP status sent and the usage reported.
     */
    public record Call(Instant receivedAt, String task, JsonNode body, String prompt, int status, int promptTokens,
            int completionTokens, int cachedTokens) {
    }

    /** A prompt prefix shorter than this is never cached, as with OpenAI's prompt caching (1024 tokens). */
    static final int SHORTEST_CACHED_PREFIX = 1024;
    /** Cached prefixes are counted in steps of this many tokens, as OpenAI reports them. */
    static final int CACHE_STEP = 128;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ASPECTS = {"PROBLEM", "METHOD", "EVALUATION", "RESULTS", "COMPARISON", "LIMITATIONS",
        "RESOURCES", "NEXT_READING"};
    private static final Set<String> STOPWORDS = Set.of("what", "which", "does", "paper", "about", "this", "that",
            "with", "from", "have", "there", "their", "they", "were", "been", "into", "section", "described", "many",
            "much", "when", "where", "also", "such", "than", "then", "them", "these", "those", "over", "only");
    private static final String KATAKANA = "アブクドエフグハイジカルムンオプクラストウヴワクヤズ";
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9(\"“])");
    private static final Pattern CHUNK = Pattern.compile("<chunk n=\"(\\d+)\"[^>]*>(.*?)</chunk>", Pattern.DOTALL);
    private static final Pattern SPAN = Pattern.compile("<span>(.*?)</span>", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+");

    private final HttpServer http;
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    /** The word lists of the latest prompts, newest first: what a prefix cache would still hold. */
    private final Deque<List<String>> recentPrompts = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger ungroundedLeft = new AtomicInteger();
    private final AtomicInteger chatsInProgress = new AtomicInteger();
    private final AtomicInteger mostChatsAtOnce = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-openai");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Fault, AtomicInteger> served = new EnumMap<>(Fault.class);
    private final Map<Wrapping, AtomicInteger> wrapped = new EnumMap<>(Wrapping.class);
    private final AtomicInteger jsonObjectReplies = new AtomicInteger();
    private final Set<String> brokenFor = ConcurrentHashMap.newKeySet();
    private volatile boolean smallModel;
    private volatile int retryAfterSeconds = 1;
    private volatile long replyDelayMillis;
    private Random shareDraws;
    private double share;
    private long stallMillis;

    private FakeOpenAiServer(HttpServer http) {
        this.http = http;
        for (Fault fault : Fault.values()) {
            served.put(fault, new AtomicInteger());
        }
        for (Wrapping wrapping : Wrapping.values()) {
            wrapped.put(wrapping, new AtomicInteger());
        }
        http.createContext("/v1/chat/completions", this::timedChat);
        http.createContext("/v1/models", this::models);
        http.setExecutor(workers);
        http.start();
    }

    /** Starts on 127.0.0.1 and an ephemeral port. */
    public static FakeOpenAiServer start() {
        return start(0);
    }

    public static FakeOpenAiServer start(int port) {
        try {
            return new FakeOpenAiServer(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OpenAI base URL, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/v1";
    }

    /** The next {@code calls} chat calls get 429 with {@code Retry-After: retryAfterSeconds}. */
    public void rateLimitNext(int calls, int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
        queue(Fault.RATE_LIMITED, calls);
    }

    /** The next {@code calls} chat calls get 500. */
    public void failNext(int calls) {
        queue(Fault.SERVER_ERROR, calls);
    }

    /** The next {@code calls} chat calls succeed at HTTP level but their message is not JSON. */
    public void answerInvalidJsonNext(int calls) {
        queue(Fault.INVALID_JSON, calls);
    }

    /**
     * The next {@code calls} translations and answers (other tasks do not count) break their grounding: a
     * translation turns its protected spans into katakana like the rest, an answer misquotes its chunk.
     */
    public void answerUngroundedNext(int calls) {
        ungroundedLeft.addAndGet(calls);
    }

    /**
     * From now on (until {@link #reset}) each chat call without a queued fault is faulted with probability
     * {@code share}: a 429 with {@code Retry-After} ({@link #rateLimitNext}'s seconds, 1 unless set), a 500, or a
     * reply held back for {@code stall}, longer than the client's timeout; each kind as likely. The draws come from a
     * {@link Random} seeded with {@code seed}, one per call in arrival order, so the n-th call's fate is the same in
     * every run. A held-back call is logged in {@link #calls} with the 200 it finally sends.
     */
    public synchronized void faultShare(double share, long seed, Duration stall) {
        this.share = share;
        this.shareDraws = new Random(seed);
        this.stallMillis = stall.toMillis();
    }

    /** How many chat calls were answered with {@code fault} since the start or the last {@link #reset}. */
    public int faultsServed(Fault fault) {
        return served.get(fault).get();
    }

    /**
     * From now on (until {@link #reset}) a request with {@code response_format} {@code json_object} gets its JSON the
     * way small local models write it ({@link Wrapping}); {@code json_schema} requests are answered as before.
     */
    public void answerJsonObjectLikeSmallModels() {
        smallModel = true;
    }

    /** How many {@code json_object} replies were written {@code wrapping} since the start or the last {@link #reset}. */
    public int repliesWrapped(Wrapping wrapping) {
        return wrapped.get(wrapping).get();
    }

    /**
     * Every chat call from now on replies this long after it arrived (until {@link #reset}), as a server's latency:
     * the time this server takes to make the reply is part of it, not added to it.
     */
    public void delayReplies(Duration delay) {
        replyDelayMillis = delay.toMillis();
    }

    /** The most chat calls that were in progress at the same time since the start or the last {@link #reset}. */
    public int mostConcurrentChats() {
        return mostChatsAtOnce.get();
    }

    /** The chat calls in progress now: a caller can have its reply a moment before the server is done with it. */
    public int chatsInProgress() {
        return chatsInProgress.get();
    }

    /**
     * Clears queued faults, the fault share, the reply delay, the small-model mode, the call log and the counts of
     * faults, wrappings and concurrency.
     */
    public void reset() {
        synchronized (this) {
            shareDraws = null;
        }
        served.values().forEach(count -> count.set(0));
        wrapped.values().forEach(count -> count.set(0));
        smallModel = false;
        jsonObjectReplies.set(0);
        brokenFor.clear();
        faults.clear();
        ungroundedLeft.set(0);
        calls.clear();
        replyDelayMillis = 0;
        mostChatsAtOnce.set(chatsInProgress.get());
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public int chatCalls() {
        return calls.size();
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
    }

    private Fault nextFault() {
        Fault fault = faults.poll();
        if (fault == null) {
            synchronized (this) {
                if (shareDraws != null && shareDraws.nextDouble() < share) {
                    fault = TRANSIENT[shareDraws.nextInt(TRANSIENT.length)];
                }
            }
        }
        if (fault != null) {
            served.get(fault).incrementAndGet();
        }
        return fault;
    }

    /** Holds a reply back past the client's timeout; the reply that follows goes to a client that has given up. */
    private void stall() {
        try {
            Thread.sleep(stallMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void queue(Fault fault, int count) {
        for (int i = 0; i < count; i++) {
            faults.add(fault);
        }
    }

    private void models(HttpExchange exchange) throws IOException {
        ObjectNode list = JSON.createObjectNode().put("object", "list");
        list.putArray("data").addObject().put("id", MODEL).put("object", "model")
                .put("created", 1_700_000_000L).put("owned_by", "paper-digest-tests");
        send(exchange, 200, list);
    }

    private void timedChat(HttpExchange exchange) throws IOException {
        mostChatsAtOnce.accumulateAndGet(chatsInProgress.incrementAndGet(), Math::max);
        REPLY_AT.set(System.nanoTime() + replyDelayMillis * 1_000_000);
        try {
            chat(exchange);
        } finally {
            REPLY_AT.remove();
            chatsInProgress.decrementAndGet();
        }
    }

    private void chat(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, error("use POST", "invalid_request_error"));
            return;
        }
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            send(exchange, 400, error("request body is not JSON", "invalid_request_error"));
            return;
        }
        if (!body.path("messages").isArray() || body.path("messages").isEmpty()) {
            send(exchange, 400, error("'messages' is required", "invalid_request_error"));
            return;
        }
        String formatProblem = responseFormatProblem(body.path("response_format"));
        if (formatProblem != null) {
            send(exchange, 400, error(formatProblem, "invalid_request_error"));
            return;
        }
        if (body.path("stream").asBoolean(false)) {
            send(exchange, 400, error("streaming is not supported here", "invalid_request_error"));
            return;
        }
        String prompt = userPrompt(body);
        String task = task(prompt);
        Fault fault = nextFault();
        Instant receivedAt = Instant.now();
        if (fault == Fault.TIMEOUT) {
            stall();
        }
        if (fault == Fault.RATE_LIMITED) {
            calls.add(new Call(receivedAt, task, body, prompt, 429, 0, 0, 0));
            exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
            send(exchange, 429, error("Rate limit reached for requests", "rate_limit_error"));
            return;
        }
        if (fault == Fault.SERVER_ERROR) {
            calls.add(new Call(receivedAt, task, body, prompt, 500, 0, 0, 0));
            send(exchange, 500, error("The server had an error while processing your request", "server_error"));
            return;
        }
        boolean ungrounded = (task.equals("translation") || task.equals("answer"))
                && ungroundedLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        String content = switch (task) {
            case "translation" -> translation(prompt, ungrounded);
            case "questions" -> questions(prompt);
            case "answer" -> answer(prompt, ungrounded);
            default -> "{\"text\":\"OK\"}";
        };
        if (fault == Fault.INVALID_JSON) {
            content = "Sure! Here is what you asked for: " + content.substring(0, content.length() / 2);
        } else if (smallModel && "json_object".equals(body.at("/response_format/type").asText())) {
            content = asSmallModel(content, prompt);
        }
        List<String> promptWords = words(prompt);
        int promptTokens = promptWords.size();
        int completionTokens = Math.max(1, words(content).size());
        int cachedTokens = cachedPrefix(promptWords);
        calls.add(new Call(receivedAt, task, body, prompt, 200, promptTokens, completionTokens, cachedTokens));
        send(exchange, 200, completion(body, content, promptTokens, completionTokens, cachedTokens));
    }

    /**
     * The tokens of {@code prompt} a server with prefix caching would read from its cache: the longest prefix shared
     * with an earlier prompt, from {@link #SHORTEST_CACHED_PREFIX} tokens on, in steps of {@link #CACHE_STEP}.
     */
    private int cachedPrefix(List<String> prompt) {
        int longest = 0;
        synchronized (recentPrompts) {
            for (List<String> earlier : recentPrompts) {
                int shared = 0;
                int limit = Math.min(earlier.size(), prompt.size());
                while (shared < limit && earlier.get(shared).equals(prompt.get(shared))) {
                    shared++;
                }
                longest = Math.max(longest, shared);
            }
            recentPrompts.addFirst(prompt);
            if (recentPrompts.size() > 64) {
                recentPrompts.removeLast();
            }
        }
        return longest < SHORTEST_CACHED_PREFIX ? 0 : longest / CACHE_STEP * CACHE_STEP;
    }

    private ObjectNode completion(JsonNode request, String content, int promptTokens, int completionTokens,
            int cachedTokens) {
        ObjectNode response = JSON.createObjectNode()
                .put("id", "chatcmpl-fake-" + ids.incrementAndGet())
                .put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond())
                .put("model", request.path("model").asText(MODEL));
        ObjectNode choice = response.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        ObjectNode usage = response.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", cachedTokens);
        return response;
    }

    /** {@code json} as a small model writes it, in {@link Wrapping}'s turn. */
    private String asSmallModel(String json, String prompt) {
        int n = jsonObjectReplies.getAndIncrement();
        String subject = between(prompt, "<abstract>", "</abstract>") + between(prompt, "<question>", "</question>");
        Wrapping wrapping = n % 5 == 4 && brokenFor.add(subject) ? Wrapping.BROKEN : Wrapping.values()[n % 4];
        wrapped.get(wrapping).incrementAndGet();
        return switch (wrapping) {
            case FENCED -> "```json\n" + json + "\n```";
            case LEADING_SENTENCE -> "Here is the JSON object you asked for:\n\n" + json;
            case TRAILING_SENTENCE -> "```\n" + json + "\n```\nI followed the instructions above.";
            case BARE -> json;
            case BROKEN -> "```json\n" + cutOff(json);
        };
    }

    private static String cutOff(String json) {
        int lastInner = json.lastIndexOf('}', json.length() - 2);
        return lastInner > 0 ? json.substring(0, lastInner + 1) : json.substring(0, json.length() * 2 / 3);
    }

    // ---- translation: katakana for letters, protected spans kept (or, when ungrounded, mangled) ----

    private String translation(String prompt, boolean ungrounded) {
        String abstractText = between(prompt, "<abstract>", "</abstract>").strip();
        List<String> spans = new ArrayList<>();
        Matcher m = SPAN.matcher(between(prompt, "<protected>", "</protected>"));
        while (m.find()) {
            spans.add(m.group(1));
        }
        spans.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder ja = new StringBuilder("本研究の概要：");
        int i = 0;
        while (i < abstractText.length()) {
            String span = startingSpan(abstractText, i, spans);
            if (span != null) {
                // An ungrounded reply renders protected spans like ordinary words, as a careless model would.
                ja.append(ungrounded ? katakana(span) : span);
                i += span.length();
            } else if (insideNumber(abstractText, i)) {
                // 36,000 and 3.5 stay as written, as a careful translator keeps every number.
                ja.append(abstractText.charAt(i));
                i++;
            } else {
                ja.append(katakana(String.valueOf(abstractText.charAt(i))));
                i++;
            }
        }
        String firstSentence = SENTENCE_END.split(abstractText, 2)[0];
        String summary = "要約：" + katakana(firstSentence);
        summary = summary.codePointCount(0, summary.length()) > 100
                ? summary.substring(0, summary.offsetByCodePoints(0, 100)) + "。" : summary;
        ObjectNode reply = JSON.createObjectNode().put("abstractJa", ja.toString()).put("summaryJa", summary);
        keyResults(abstractText).forEach(reply.putArray("keyResultsJa")::add);
        return reply.toString();
    }

    /**
     * Up to three lines, one per abstract sentence stating a number: the words around its first number, numbers and
     * words with digits as written, the rest in katakana.
     */
    private static List<String> keyResults(String abstractText) {
        List<String> lines = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(abstractText)) {
            List<String> words = Arrays.asList(sentence.strip().split("\\s+"));
            int at = 0;
            while (at < words.size() && !words.get(at).matches(".*\\d.*")) {
                at++;
            }
            if (at == words.size() || lines.size() == 3) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String word : words.subList(Math.max(0, at - 3), Math.min(words.size(), at + 4))) {
                parts.add(word.matches(".*\\d.*") ? word.replaceAll("[,.;:]+$", "") : katakana(word));
            }
            // Whole words only, so that no number is cut short.
            while (parts.size() > 1 && String.join("", parts).length() > 50) {
                parts.remove(parts.size() - 1);
            }
            lines.add("結果：" + String.join("", parts));
        }
        return lines;
    }

    private static boolean insideNumber(String text, int at) {
        return at > 0 && at + 1 < text.length() && Character.isDigit(text.charAt(at - 1))
                && Character.isDigit(text.charAt(at + 1));
    }

    private static String startingSpan(String text, int at, List<String> spans) {
        return spans.stream().filter(s -> !s.isEmpty() && text.startsWith(s, at)).findFirst().orElse(null);
    }

    private static String katakana(String english) {
        StringBuilder out = new StringBuilder();
        for (char c : english.toCharArray()) {
            char lower = Character.toLowerCase(c);
            if (lower >= 'a' && lower <= 'z') {
                out.append(KATAKANA.charAt(lower - 'a'));
            } else if (c == '.') {
                out.append('。');
            } else if (c == ',') {
                out.append('、');
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---- questions: from the abstract's sentences and the headings, a near-duplicate, one unanswerable ----

    private String questions(String prompt) {
        List<String> sentences = Arrays.stream(SENTENCE_END.split(between(prompt, "<abstract>", "</abstract>").strip()))
                .filter(s -> !s.isBlank()).toList();
        List<String> headings = between(prompt, "<headings>", "</headings>").lines()
                .map(String::strip).filter(l -> l.startsWith("- ")).map(l -> l.substring(2)).toList();
        ArrayNode questions = JSON.createArrayNode();
        for (String sentence : sentences) {
            String opening = String.join(" ", firstWords(sentence, 8)).replaceAll("[,;:]$", "");
            question(questions, "論文は「" + opening + "」について何を述べていますか？",
                    "What does the paper say about \"" + opening + "\"?");
        }
        if (!sentences.isEmpty()) {
            String opening = String.join(" ", firstWords(sentences.get(0), 8)).replaceAll("[,;:]$", "");
            // A near-duplicate asks about what the first question asks about: it takes that question's aspect.
            questions.addObject().put("aspect", questions.get(0).path("aspect").asText()).put("questionJa",
                    "この論文は「" + opening + "」について何を述べているのですか？").put("questionEn",
                    "What does this paper say about \"" + opening + "\"?");
        }
        question(questions, "このプロジェクトは何キログラムの二酸化炭素を排出しましたか？",
                "How many kilograms of carbon dioxide did the project emit?");
        for (String sentence : sentences) {
            List<String> words = Arrays.asList(sentence.strip().split("\\s+"));
            if (words.size() >= 16) {
                String middle = String.join(" ", words.subList(8, 16)).replaceAll("[,;:]$", "");
                question(questions, "論文は「" + middle + "」について何と述べていますか？",
                        "What does the paper state about \"" + middle + "\"?");
            }
        }
        for (String heading : headings) {
            question(questions, "「" + heading + "」の節では何が説明されていますか？",
                    "What is described in the section \"" + heading + "\"?");
        }
        while (questions.size() > 12) {
            questions.remove(questions.size() - 1);
        }
        ObjectNode set = JSON.createObjectNode();
        set.set("questions", questions);
        return set.toString();
    }

    /** Adds a question with the next aspect in turn (a near-duplicate does not take a turn). */
    private static void question(ArrayNode questions, String ja, String en) {
        int turn = questions.size() - (questions.size() > 0 && questions.findValuesAsText("questionJa").stream()
                .anyMatch(q -> q.startsWith("この論文は")) ? 1 : 0);
        questions.addObject().put("aspect", ASPECTS[turn % ASPECTS.length])
                .put("questionJa", ja).put("questionEn", en);
    }

    // ---- answers: the chunk sentence sharing most words with the question, quoted verbatim ----

    private String answer(String prompt, boolean ungrounded) {
        String question = between(prompt, "<question>", "</question>");
        Set<String> askedWords = contentWords(question);
        int bestChunk = 0;
        String bestSentence = null;
        int bestScore = 0;
        Matcher chunk = CHUNK.matcher(prompt);
        while (chunk.find()) {
            for (String sentence : SENTENCE_END.split(chunk.group(2).strip())) {
                Set<String> shared = contentWords(sentence);
                shared.retainAll(askedWords);
                if (shared.size() > bestScore) {
                    bestScore = shared.size();
                    bestSentence = sentence;
                    bestChunk = Integer.parseInt(chunk.group(1));
                }
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        if (bestSentence == null || bestScore < 2 || bestScore * 2 < askedWords.size()) {
            answer.put("answerable", false).put("answer", NOT_STATED).putArray("evidence");
            String asked = question.strip().lines().findFirst().orElse("").replaceAll("[?？]$", "");
            answer.putArray("notStated").add(asked.codePointCount(0, asked.length()) <= 30 ? asked
                    : asked.substring(0, asked.offsetByCodePoints(0, 30)) + "…");
            return answer.toString();
        }
        String quote = verbatimOpening(bestSentence, 30);
        if (ungrounded) {
            quote = quote.matches("(?s).*\\d.*") ? quote.replaceFirst("\\d+", "987654")
                    : "It is widely known that " + quote;
        }
        answer.put("answerable", true).put("answer", "論文には「" + quote + "」と書かれています。");
        answer.putArray("notStated");
        answer.putArray("evidence").addObject().put("chunk", bestChunk).put("quote", quote);
        return answer.toString();
    }

    /** The sentence up to its {@code maxWords}-th word, cut from the original so that it stays verbatim. */
    private static String verbatimOpening(String sentence, int maxWords) {
        Matcher word = Pattern.compile("\\S+").matcher(sentence);
        int end = sentence.length();
        for (int n = 0; word.find(); n++) {
            if (n == maxWords - 1) {
                end = word.end();
                break;
            }
        }
        return sentence.substring(0, end).strip();
    }

    // ---- plumbing ----

    /** The last user message: the services put a task's inputs there, and the system message only describes them. */
    private static String userPrompt(JsonNode body) {
        String text = "";
        for (JsonNode message : body.path("messages")) {
            if (!"user".equals(message.path("role").asText())) {
                continue;
            }
            JsonNode content = message.path("content");
            if (content.isArray()) {
                StringBuilder parts = new StringBuilder();
                content.forEach(part -> parts.append(part.path("text").asText("")).append('\n'));
                text = parts.toString();
            } else {
                text = content.asText("");
            }
        }
        return text;
    }

    private static String responseFormatProblem(JsonNode format) {
        if (format.isMissingNode() || format.isNull()) {
            return null;
        }
        String type = format.path("type").asText("");
        return switch (type) {
            case "text", "json_object" -> null;
            case "json_schema" -> format.path("json_schema").path("schema").isObject()
                    && !format.path("json_schema").path("name").asText("").isEmpty()
                    ? null : "response_format json_schema needs 'json_schema.name' and 'json_schema.schema'";
            default -> "Invalid value for 'response_format.type': '" + type + "'";
        };
    }

    private static String task(String prompt) {
        if (prompt.contains("<question>") && prompt.contains("<chunk ")) {
            return "answer";
        }
        if (prompt.contains("<headings>")) {
            return "questions";
        }
        if (prompt.contains("<protected>") && prompt.contains("<abstract>")) {
            return "translation";
        }
        return "other";
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open);
        int end = start < 0 ? -1 : text.indexOf(close, start + open.length());
        return start < 0 || end < 0 ? "" : text.substring(start + open.length(), end);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static List<String> firstWords(String sentence, int count) {
        return Arrays.stream(sentence.strip().split("\\s+")).limit(count).toList();
    }

    private static Set<String> contentWords(String text) {
        return words(text).stream().map(w -> w.toLowerCase(Locale.ROOT))
                .filter(w -> w.length() >= 4 && !STOPWORDS.contains(w))
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }

    private static ObjectNode error(String message, String type) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return error;
    }

    private static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        Long replyAt = REPLY_AT.get();
        long wait = replyAt == null ? 0 : replyAt - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Runs the server by hand: {@code java … FakeOpenAiServer [port]}. */
    public static void main(String[] args) throws InterruptedException {
        FakeOpenAiServer server = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println("Fake OpenAI-compatible server (test only) at " + server.baseUrl());
        Thread.currentThread().join();
    }
}

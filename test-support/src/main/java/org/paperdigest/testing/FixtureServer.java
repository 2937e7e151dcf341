package org.paperdigest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the recorded fixtures (see {@code /fixtures/SOURCES.md}) as the remotes the fetcher reads, so tests and
 * hand runs need no internet:
 * <ul>
 * <li>{@code /dair-ai/README.md}: the dair-ai README, with each link to a web page that has a page fixture (only
 * those) rewritten to this server's {@code /web/<host>/<path>};</li>
 * <li>{@code /arxiv/api/query?id_list=...}: the export API, answering each id set that has a recorded (or built)
 * answer; {@code id_list=abc} gets arXiv's HTTP 400 error feed, any other set an HTTP 500 naming the sets it
 * knows, so a test that asks for the wrong ids sees why;</li>
 * <li>{@code /arxiv/pdf/<id>[vN]}: the fixture PDFs by id, 404 for any other;</li>
 * <li>{@code /arxiv/html/<id>[vN]}: arXiv's HTML renderings by id, only the built ones of the made-up papers 2412.99999 and 2412.99998
 * (built with its PDF from one LaTeX source, {@code fixtures/arxiv-src/}); 404 for any other, as arXiv answers for papers it has not
 * rendered;</li>
 * <li>{@code /web/<host>/<path>}: the page fixture standing in for {@code https://<host>/<path>}, as
 * {@code text/html; charset=utf-8}, 404 for any other.</li>
 * </ul>
 * Every request is recorded (time, path, query, User-Agent), so a test can assert how the remotes were used, and
 * answers can be {@linkplain #hold held back} as a slow remote's would be.
 * Run {@link #main} to start one by hand ({@code java -cp events/target/test-classes
 * org.paperdigest.testing.FixtureServer [port]}); it prints its base URL and runs until killed.
 */
public final class FixtureServer implements AutoCloseable {

    /** One request as the server saw it; {@code query} is decoded. */
    public record RecordedRequest(Instant receivedAt, String method, String path, String query, String userAgent) {

        /** The decoded value of a query parameter, or null. */
        public String param(String name) {
            return parseQuery(query).get(name);
        }
    }

    private static final String ROOT = "/fixtures/";
    private static final String README = "dair-ai/README.md";
    private static final List<String> ARXIV_ANSWERS = List.of(
            "arxiv-api/current-2026_id_list-1605.08386.xml",
            "arxiv-api/current-2026_id_list-2104.12255v1.xml",
            "arxiv-api/current-2026_id_list-0808.05394_1707.08567_one-missing.xml",
            "arxiv-api/current-2026_id_list-0000.0000_empty.xml",
            "arxiv-api/built_id_list-week-2023-11-20_one-missing.xml",
            "arxiv-api/built_id_list-week-2023-11-13.xml",
            "arxiv-api/built_id_list-2311.12022.xml",
            "arxiv-api/built_id_list-custom-5-papers.xml",
            "arxiv-api/built_id_list-2412.99999.xml",
            "arxiv-api/built_id_list-2412.99998.xml");
    private static final String ARXIV_ERROR_ANSWER = "arxiv-api/current-2026_id_list-abc_http400-error.xml";
    /** arXiv id → the version and file of its fixture PDF. */
    private static final Map<String, String[]> PDFS = Map.of(
            "2311.12022", new String[] {"v1", "pdf/2311.12022v1_gpqa.pdf"},
            "2412.99999", new String[] {"v1", "pdf/2412.99999v1_term-graph-expansion.pdf"},
            "2412.99998", new String[] {"v1", "pdf/hidden-white.pdf"});
    /** arXiv id → the version and file of its HTML rendering. */
    private static final Map<String, String[]> RENDERINGS = Map.of(
            "2412.99999", new String[] {"v1", "arxiv-html/built_2412.99999v1_term-graph-expansion.html"},
            "2412.99998", new String[] {"v1", "arxiv-html/built_hidden-white.html"});
    /** Web page the list links to → its page fixture. */
    private static final Map<String, String> PAGES = Map.of(
            "https://ai.meta.com/blog/emu-text-to-video-generation-image-editing-research/",
            "pages/meta-emu-video-and-emu-edit-blog.html");

    private static final Pattern ANSWERED_ID_LIST = Pattern.compile("<title>arXiv Query: [^<]*id_list=([^&<]*)");
    private static final Pattern WEEK_HEADING = Pattern.compile("(?m)^## Top ML Papers of the Week");
    private static final Pattern PDF_PATH = Pattern.compile("^/arxiv/pdf/(.+?)(v\\d+)?(\\.pdf)?$");
    private static final Pattern HTML_PATH = Pattern.compile("^/arxiv/html/(.+?)(v\\d+)?/?$");

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<Set<String>, String> arxivAnswers = new HashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private volatile int newestWeeksLeftOut;

    private FixtureServer(int port) throws IOException {
        for (String file : ARXIV_ANSWERS) {
            String xml = text(file);
            Matcher m = ANSWERED_ID_LIST.matcher(xml);
            if (!m.find()) {
                throw new IllegalStateException(file + " does not say which id_list it answers");
            }
            arxivAnswers.put(idSet(m.group(1)), xml);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fixture-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on 127.0.0.1 with an ephemeral port. */
    public static FixtureServer start() {
        try {
            return new FixtureServer(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** E.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String readmeUrl() {
        return baseUrl() + "/dair-ai/README.md";
    }

    public String arxivApiUrl() {
        return baseUrl() + "/arxiv/api/query";
    }

    /** Ends with a slash, like {@code https://arxiv.org/pdf/}. */
    public String arxivPdfBaseUrl() {
        return baseUrl() + "/arxiv/pdf/";
    }

    /** Ends with a slash, like {@code https://arxiv.org/html/}. */
    public String arxivHtmlBaseUrl() {
        return baseUrl() + "/arxiv/html/";
    }

    /** Where this server serves the page fixture of {@code url}, the address the served README links to. */
    public String pageUrl(String url) {
        if (!PAGES.containsKey(url)) {
            throw new IllegalArgumentException("no page fixture for " + url);
        }
        return baseUrl() + "/web/" + url.substring("https://".length());
    }

    /** Every request so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests whose path starts with {@code pathPrefix}. */
    public List<RecordedRequest> requests(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    /** The export-API requests whose {@code id_list} names exactly these ids (in any order). */
    public List<RecordedRequest> arxivQueries(Set<String> ids) {
        return requests("/arxiv/api/query").stream()
                .filter(r -> r.param("id_list") != null && idSet(r.param("id_list")).equals(new TreeSet<>(ids)))
                .toList();
    }

    /**
     * Holds back the answer to every request whose path starts with {@code pathPrefix} (it is recorded at once) until
     * the returned hold is closed, or for at most a minute: lets a test see what goes on while a download is slow.
     */
    public Hold hold(String pathPrefix) {
        CountDownLatch latch = new CountDownLatch(1);
        holds.put(pathPrefix, latch);
        return () -> {
            holds.remove(pathPrefix, latch);
            latch.countDown();
        };
    }

    /** Answers the requests a {@link #hold} held back, and those to come. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    public void clearRequests() {
        requests.clear();
    }

    /**
     * Serves the list as it stood {@code weeks} weeks earlier: its newest {@code weeks} sections left out (0 serves
     * it whole). Lets a test that plans "the newest week" pick a week whose links all stay on this server.
     */
    public void leaveOutNewestWeeks(int weeks) {
        newestWeeksLeftOut = weeks;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String query = rawQuery == null ? "" : decodeQuery(rawQuery);
        requests.add(new RecordedRequest(Instant.now(), exchange.getRequestMethod(), path, query,
                exchange.getRequestHeaders().getFirst("User-Agent")));
        try (exchange) {
            awaitRelease(path);
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain; charset=utf-8", bytes("only GET is served\n"));
            } else if (path.equals("/dair-ai/README.md")) {
                send(exchange, 200, "text/plain; charset=utf-8", readme());
            } else if (path.equals("/arxiv/api/query")) {
                answerArxivQuery(exchange, query);
            } else if (path.startsWith("/arxiv/pdf/")) {
                answerPdf(exchange, path);
            } else if (path.startsWith("/arxiv/html/")) {
                answerRendering(exchange, path);
            } else if (path.startsWith("/web/")) {
                answerPage(exchange, path);
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", bytes("no fixture at " + path + "\n"));
            }
        }
    }

    private void awaitRelease(String path) {
        for (Map.Entry<String, CountDownLatch> hold : holds.entrySet()) {
            if (path.startsWith(hold.getKey())) {
                try {
                    hold.getValue().await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void answerArxivQuery(HttpExchange exchange, String query) throws IOException {
        String idList = parseQuery(query).get("id_list");
        if (idList == null || idList.isBlank()) {
            send(exchange, 500, "text/plain; charset=utf-8", bytes("fixture server answers id_list queries only\n"));
            return;
        }
        Set<String> ids = idSet(idList);
        if (ids.equals(Set.of("abc"))) {
            send(exchange, 400, "application/atom+xml; charset=utf-8", resource(ARXIV_ERROR_ANSWER));
            return;
        }
        String answer = arxivAnswers.get(ids);
        if (answer == null) {
            send(exchange, 500, "text/plain; charset=utf-8", bytes("no recorded export-API answer for id_list="
                    + idList + "; recorded id sets: " + arxivAnswers.keySet() + "\n"));
            return;
        }
        send(exchange, 200, "application/atom+xml; charset=utf-8", bytes(answer));
    }

    private void answerPdf(HttpExchange exchange, String path) throws IOException {
        Matcher m = PDF_PATH.matcher(path);
        String[] pdf = m.matches() ? PDFS.get(m.group(1)) : null;
        if (pdf == null || (m.group(2) != null && !m.group(2).equals(pdf[0]))) {
            send(exchange, 404, "text/plain; charset=utf-8", bytes("no fixture PDF for " + path + "\n"));
            return;
        }
        send(exchange, 200, "application/pdf", resource(pdf[1]));
    }

    private void answerRendering(HttpExchange exchange, String path) throws IOException {
        Matcher m = HTML_PATH.matcher(path);
        String[] html = m.matches() ? RENDERINGS.get(m.group(1)) : null;
        if (html == null || (m.group(2) != null && !m.group(2).equals(html[0]))) {
            send(exchange, 404, "text/plain; charset=utf-8", bytes("no HTML rendering of this paper\n"));
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", resource(html[1]));
    }

    private static void answerPage(HttpExchange exchange, String path) throws IOException {
        String page = PAGES.get("https://" + path.substring("/web/".length()));
        if (page == null) {
            send(exchange, 404, "text/plain; charset=utf-8", bytes("no page fixture for " + path + "\n"));
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", resource(page));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Set<String> idSet(String idList) {
        return new TreeSet<>(Arrays.stream(idList.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return params;
    }

    /** Decodes the name and value of each parameter; the pairs stay separated by {@code &}. */
    private static String decodeQuery(String rawQuery) {
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            pairs.add(eq < 0 ? decode(pair) : decode(pair.substring(0, eq)) + "=" + decode(pair.substring(eq + 1)));
        }
        return String.join("&", pairs);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] readme() {
        String readme = text(README);
        for (String url : PAGES.keySet()) {
            readme = readme.replace("](" + url + ")", "](" + pageUrl(url) + ")");
        }
        return withoutNewestWeeks(readme).getBytes(StandardCharsets.UTF_8);
    }

    private String withoutNewestWeeks(String readme) {
        if (newestWeeksLeftOut == 0) {
            return readme;
        }
        Matcher week = WEEK_HEADING.matcher(readme);
        int first = -1;
        for (int seen = 0; week.find(); seen++) {
            if (seen == 0) {
                first = week.start();
            }
            if (seen == newestWeeksLeftOut) {
                return readme.substring(0, first) + readme.substring(week.start());
            }
        }
        throw new IllegalStateException("the list has fewer than " + (newestWeeksLeftOut + 1) + " weeks");
    }

    private static String text(String file) {
        return new String(resource(file), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String file) {
        try (InputStream in = FixtureServer.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + ROOT + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a server (on the port given as the only argument, else an ephemeral one) until the process is killed. */
    public static void main(String[] args) throws IOException, InterruptedException {
        FixtureServer server = new FixtureServer(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println(server.baseUrl());
        System.out.println("  README      " + server.readmeUrl());
        System.out.println("  arXiv API   " + server.arxivApiUrl());
        System.out.println("  arXiv PDFs  " + server.arxivPdfBaseUrl());
        System.out.println("  web pages   " + server.baseUrl() + "/web/");
        System.out.flush();
        Thread.currentThread().join();
    }
}

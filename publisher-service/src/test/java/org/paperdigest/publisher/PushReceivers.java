package org.paperdigest.publisher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the push tests' publisher pushes to: a real SMTP server (GreenMail) and a local HTTP server with three
 * incoming webhooks — {@code team}, which holds its first answer until {@link #releaseTeam} (so a test can see that
 * publication did not wait for it); {@code flaky}, which answers 500 to its first post and 200 after; {@code down},
 * which always answers 503. Injected into the test's field of this type.
 */
public class PushReceivers implements QuarkusTestResourceLifecycleManager {

    public static final String SUBSCRIBER = "reader@example.org";

    /** One post a webhook received, with the status it answered. */
    public record Post(String webhook, String body, int status) {
    }

    private GreenMail smtp;
    private HttpServer http;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger flakyPosts = new AtomicInteger();
    private final CountDownLatch teamReleased = new CountDownLatch(1);

    @Override
    public Map<String, String> start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/team", exchange -> {
            awaitRelease();
            answer(exchange, "team", 200);
        });
        http.createContext("/flaky", exchange -> answer(exchange, "flaky", flakyPosts.incrementAndGet() == 1 ? 500 : 200));
        http.createContext("/down", exchange -> answer(exchange, "down", 503));
        http.start();
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        return Map.ofEntries(
                Map.entry("paperdigest.push.webhooks.team", base + "/team"),
                Map.entry("paperdigest.push.webhooks.flaky", base + "/flaky"),
                Map.entry("paperdigest.push.webhooks.down", base + "/down"),
                Map.entry("paperdigest.push.email-subscribers", SUBSCRIBER),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", Integer.toString(smtp.getSmtp().getPort())),
                Map.entry("quarkus.mailer.from", "digest@example.org"),
                Map.entry("paperdigest.push.poll-interval", "1s"),
                Map.entry("paperdigest.push.first-retry-delay", "PT1S"),
                Map.entry("paperdigest.push.max-attempts", "3"),
                Map.entry("paperdigest.push.webhook-timeout", "PT60S"));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.MatchesType(PushReceivers.class));
    }

    @Override
    public void stop() {
        teamReleased.countDown();
        if (http != null) {
            http.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    public void releaseTeam() {
        teamReleased.countDown();
    }

    public List<Post> posts(String webhook) {
        return posts.stream().filter(post -> post.webhook().equals(webhook)).toList();
    }

    public GreenMail smtp() {
        return smtp;
    }

    private void awaitRelease() {
        try {
            teamReleased.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange, String webhook, int status) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        posts.add(new Post(webhook, body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}

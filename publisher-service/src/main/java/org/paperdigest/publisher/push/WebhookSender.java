package org.paperdigest.publisher.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts a revision to an incoming webhook; anything but a 2xx answer is a failed attempt. */
@ApplicationScoped
class WebhookSender {

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;

    WebhookSender(ObjectMapper json, PushConfig config) {
        this.json = json;
        this.timeout = config.webhookTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    void send(String url, PushedIssue issue) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(WebhookPayload.of(issue, json).toString()))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new PushFailedException("the webhook did not answer (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushFailedException("interrupted while posting to the webhook", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new PushFailedException("the webhook answered HTTP " + response.statusCode(), null);
        }
    }
}

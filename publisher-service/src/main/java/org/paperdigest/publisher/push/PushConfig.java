package org.paperdigest.publisher.push;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a published revision is pushed to, and how hard to try. With neither webhooks nor subscribers configured
 * nothing is pushed.
 */
@ConfigMapping(prefix = "paperdigest.push")
public interface PushConfig {

    /**
     * Incoming webhooks by a name of your choice: {@code paperdigest.push.webhooks.team-slack=https://hooks…}. The
     * name, not the URL (which holds its secret), is what the JSON shows.
     */
    Map<String, String> webhooks();

    /** Addresses that get each revision by e-mail, one message each; the sender is {@code quarkus.mailer.from}. */
    Optional<List<String>> emailSubscribers();

    /** Attempts per delivery before it is recorded as failed. */
    @WithDefault("6")
    int maxAttempts();

    /** The wait before the second attempt; each further wait doubles. */
    @WithDefault("PT30S")
    Duration firstRetryDelay();

    /** How often due deliveries are looked for ({@link PushDispatcher}'s schedule reads it). */
    @WithDefault("5s")
    Duration pollInterval();

    /** How long a webhook may take to answer one attempt. */
    @WithDefault("PT10S")
    Duration webhookTimeout();
}

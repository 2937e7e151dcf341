package org.paperdigest.publisher.push;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.paperdigest.publisher.push.PushDeliveries.Claim;

/**
 * Sends the pushes that are due, apart from publication: a slow or failing channel delays nothing but its own
 * delivery. Each attempt's outcome is counted in {@code paperdigest_push_deliveries_total{channel, outcome}}
 * ({@code channel} webhook or email; {@code outcome} delivered, retrying, or failed when no attempt is left).
 */
@ApplicationScoped
public class PushDispatcher {

    private static final Logger LOG = Logger.getLogger(PushDispatcher.class);
    private static final int BATCH = 20;

    private final PushDeliveries deliveries;
    private final PushConfig config;
    private final WebhookSender webhooks;
    private final MailSender mail;
    private final MeterRegistry registry;
    private final String publicUrl;

    PushDispatcher(PushDeliveries deliveries, PushConfig config, WebhookSender webhooks, MailSender mail,
            MeterRegistry registry, @ConfigProperty(name = "paperdigest.publisher.public-url") URL publicUrl) {
        this.deliveries = deliveries;
        this.config = config;
        this.webhooks = webhooks;
        this.mail = mail;
        this.registry = registry;
        this.publicUrl = publicUrl.toString();
    }

    @Scheduled(every = "{paperdigest.push.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        List<Claim> claims;
        do {
            claims = deliveries.claimDue(Instant.now(), BATCH);
            claims.forEach(this::attempt);
        } while (claims.size() == BATCH);
    }

    private void attempt(Claim claim) {
        String name = claim.id().channel;
        PushChannel channel = PushChannel.named(name, config);
        if (channel == null) {
            deliveries.failed(claim.id(), "the channel is no longer configured", false, Instant.now());
            count(name.substring(0, name.indexOf(':')), "failed");
            return;
        }
        String kind = channel.kind().name().toLowerCase(Locale.ROOT);
        try {
            PushedIssue issue = PushedIssue.of(claim.content(), publicUrl);
            switch (channel.kind()) {
                case WEBHOOK -> webhooks.send(channel.target(), issue);
                case EMAIL -> mail.send(channel.target(), issue);
            }
            deliveries.delivered(claim.id(), Instant.now());
            count(kind, "delivered");
            LOG.infof("Pushed issue %s revision %d to %s (attempt %d)", claim.id().issueId, claim.id().revision,
                    PushChannel.publicName(name), claim.attempt());
        } catch (RuntimeException e) {
            // Only our own messages are recorded: others could quote the webhook's URL, which holds its secret.
            String error = e instanceof PushFailedException ? e.getMessage()
                    : "unexpected " + e.getClass().getSimpleName();
            boolean again = deliveries.failed(claim.id(), error, true, Instant.now());
            count(kind, again ? "retrying" : "failed");
            LOG.warnf("Push of issue %s revision %d to %s failed (attempt %d, %s): %s", claim.id().issueId,
                    claim.id().revision, PushChannel.publicName(name), claim.attempt(),
                    again ? "will retry" : "giving up", error);
        }
    }

    private void count(String channel, String outcome) {
        registry.counter("paperdigest.push.deliveries", "channel", channel, "outcome", outcome).increment();
    }
}

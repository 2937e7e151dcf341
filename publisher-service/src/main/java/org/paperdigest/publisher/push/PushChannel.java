package org.paperdigest.publisher.push;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One place a revision is pushed to.
 *
 * @param name   how deliveries record it: {@code webhook:<name>} or {@code email:<address>}
 * @param target the webhook's URL or the subscriber's address
 */
public record PushChannel(String name, Kind kind, String target) {

    public enum Kind { WEBHOOK, EMAIL }

    private static final String WEBHOOK = "webhook:";
    private static final String EMAIL = "email:";

    /** Every configured channel, webhooks by name, then subscribers in the order given. */
    public static List<PushChannel> configured(PushConfig config) {
        List<PushChannel> channels = new ArrayList<>();
        new TreeMap<>(config.webhooks()).forEach((name, url) -> channels.add(new PushChannel(WEBHOOK + name,
                Kind.WEBHOOK, url)));
        config.emailSubscribers().orElse(List.of()).stream().map(String::strip).filter(a -> !a.isEmpty()).distinct()
                .forEach(address -> channels.add(new PushChannel(EMAIL + address, Kind.EMAIL, address)));
        return channels;
    }

    /** The configured channel recorded as {@code name}, if it is still configured. */
    public static PushChannel named(String name, PushConfig config) {
        return configured(config).stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The name as the public issue JSON shows it: a subscriber's address with its local part hidden
     * ({@code email:a…@example.org}), a webhook by its configured name.
     */
    public static String publicName(String name) {
        if (!name.startsWith(EMAIL)) {
            return name;
        }
        String address = name.substring(EMAIL.length());
        int at = address.lastIndexOf('@');
        return EMAIL + (at <= 0 ? "…" : address.charAt(0) + "…" + address.substring(at));
    }
}

package org.paperdigest.publisher.domain;

import java.time.Instant;

/**
 * One push of the published revision to one channel, as the JSON shows it.
 *
 * @param channel     {@code webhook:<name>}, or {@code email:} and the subscriber's address with its local part hidden
 * @param deliveredAt null until delivered
 * @param lastError   why the last attempt failed; null if none did
 */
public record PushDelivery(String channel, DeliveryStatus status, int attempts, Instant deliveredAt,
        String lastError) {
}

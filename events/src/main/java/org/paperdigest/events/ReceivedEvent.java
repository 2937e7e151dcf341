package org.paperdigest.events;

/**
 * A decoded incoming event.
 *
 * @param id the CloudEvents id ({@code ce_id}); consumers dedupe by it
 */
public record ReceivedEvent<T extends DigestEvent>(String id, T payload) {
}

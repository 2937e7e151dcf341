package org.paperdigest.publisher.domain;

import java.time.Instant;

/** One published revision of an issue, by its number and when it was published. */
public record PublishedRevision(int revision, Instant publishedAt) {
}

package org.paperdigest.publisher.domain;

/**
 * An issue's JSON as {@code GET /api/issues/{id}} serves it, serialised once per change.
 *
 * @param published whether it carries a published revision, which may be cached and revalidated; an issue still
 *                  being made must not be stored
 */
public record LiveIssue(StoredRender json, boolean published) {
}

/**
 * The publisher's own records of an issue revision: what it stores (the revision's content column) and serves (the
 * JSON API, and what the pages, Markdown, feed and pushes are rendered from). Event records are mapped into them in
 * one place ({@code domain.ContentFromEvents}), so a field added to an event changes neither a stored revision nor
 * the JSON API until the publisher decides it should.
 */
package org.paperdigest.publisher.content;

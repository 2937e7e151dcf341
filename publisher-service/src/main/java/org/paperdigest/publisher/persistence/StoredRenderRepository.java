package org.paperdigest.publisher.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.paperdigest.publisher.domain.RenderFormat;
import org.paperdigest.publisher.domain.StoredRender;

/**
 * The rendered bytes of every published revision (table revision_render) and of the Atom feed (feed_render). Native
 * SQL, for PostgreSQL's {@code ON CONFLICT}: a revision rendered on its first read by two readers at once is stored
 * once, and a re-render replaces what was stored.
 */
@ApplicationScoped
public class StoredRenderRepository {

    @Inject
    EntityManager entityManager;

    public Optional<StoredRender> find(String issueId, int revision, RenderFormat format) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT body, etag FROM {h-schema}revision_render
                WHERE issue_id = :issueId AND revision = :revision AND format = :format""")
                .setParameter("issueId", issueId)
                .setParameter("revision", revision)
                .setParameter("format", format.name())
                .getResultList();
        return rows.stream().findFirst().map(row -> render(format.mediaType(), (Object[]) row));
    }

    /** Stores the render, replacing one stored before (a publication's, or an earlier re-render's). */
    public void put(String issueId, int revision, RenderFormat format, StoredRender render, Instant now) {
        write(issueId, revision, format, render, now, "DO UPDATE SET body = EXCLUDED.body, etag = EXCLUDED.etag,"
                + " rendered_at = EXCLUDED.rendered_at");
    }

    /** Stores the render unless one is stored already: a first read's, which must not undo a re-render. */
    public void putIfAbsent(String issueId, int revision, RenderFormat format, StoredRender render, Instant now) {
        write(issueId, revision, format, render, now, "DO NOTHING");
    }

    /** The stored feed; empty until it was first rendered. */
    public Optional<StoredRender> findFeed(String mediaType) {
        List<?> rows = entityManager.createNativeQuery(
                "SELECT body, etag FROM {h-schema}feed_render WHERE id = 1 AND body IS NOT NULL").getResultList();
        return rows.stream().findFirst().map(row -> render(mediaType, (Object[]) row));
    }

    /**
     * Locks the feed's row for this transaction, so that publications render it one after the other and the last to
     * commit has read every publication committed before it.
     */
    public void lockFeed() {
        entityManager.createNativeQuery("SELECT id FROM {h-schema}feed_render WHERE id = 1 FOR UPDATE")
                .getResultList();
    }

    public void putFeed(StoredRender feed, Instant now) {
        entityManager.createNativeQuery("""
                UPDATE {h-schema}feed_render SET body = :body, etag = :etag, rendered_at = :now WHERE id = 1""")
                .setParameter("body", feed.body())
                .setParameter("etag", feed.etag())
                .setParameter("now", now)
                .executeUpdate();
    }

    private void write(String issueId, int revision, RenderFormat format, StoredRender render, Instant now,
            String onConflict) {
        entityManager.createNativeQuery("""
                INSERT INTO {h-schema}revision_render (issue_id, revision, format, body, etag, rendered_at)
                VALUES (:issueId, :revision, :format, :body, :etag, :now)
                ON CONFLICT (issue_id, revision, format) """ + onConflict)
                .setParameter("issueId", issueId)
                .setParameter("revision", revision)
                .setParameter("format", format.name())
                .setParameter("body", render.body())
                .setParameter("etag", render.etag())
                .setParameter("now", now)
                .executeUpdate();
    }

    private static StoredRender render(String mediaType, Object[] row) {
        return new StoredRender(mediaType, (byte[]) row[0], (String) row[1]);
    }
}

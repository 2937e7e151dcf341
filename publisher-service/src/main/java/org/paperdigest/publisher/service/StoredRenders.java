package org.paperdigest.publisher.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.PublishedRevision;
import org.paperdigest.publisher.domain.RenderFormat;
import org.paperdigest.publisher.domain.StoredRender;
import org.paperdigest.publisher.persistence.IssueRepository;
import org.paperdigest.publisher.persistence.IssueRevisionEntity;
import org.paperdigest.publisher.persistence.RevisionRepository;
import org.paperdigest.publisher.persistence.StoredRenderRepository;
import org.paperdigest.publisher.render.IssueFeed;

/**
 * Published revisions as readers are served them, rendered once: when the revision is stored (its page, revision
 * page, Markdown and JSON, and the feed again), and after that only by {@link #rerenderAll}, the admin step after a
 * template change. Reads come from the {@link ReadCache}, else the database; a revision stored before renders were
 * is rendered on its first read, its Markdown taken as it was published.
 */
@ApplicationScoped
public class StoredRenders {

    /** A feed carries the latest issues; older ones stay listed at /api/issues. */
    public static final int FEED_ENTRIES = 50;
    private static final Logger LOG = Logger.getLogger(StoredRenders.class);

    @Inject
    IssueRenderer renderer;

    @Inject
    StoredRenderRepository store;

    @Inject
    RevisionRepository revisions;

    @Inject
    IssueRepository issues;

    @Inject
    ReadCache cache;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Renders and stores a revision being published, in the transaction that stores it, and the feed with it; once
     * that commits, this instance reads the issue's latest revision and the feed anew.
     */
    public void storePublished(IssueContent content, String markdown) {
        Instant now = Instant.now();
        List<PublishedRevision> published = revisions.revisionsOf(content.issueId());
        for (RenderFormat format : RenderFormat.values()) {
            String text = format == RenderFormat.MARKDOWN ? markdown : renderer.render(format, content, published);
            store.put(content.issueId(), content.revision(), format, StoredRender.of(format.mediaType(), text), now);
        }
        renderFeed(now);
        String issueId = content.issueId();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    cache.published(issueId);
                }
            }
        });
    }

    /** The issue's latest published revision in {@code format}; empty while the issue has none. */
    public Optional<StoredRender> latest(String issueId, RenderFormat format) {
        Integer revision = cache.latestRevision(issueId, () -> loadLatestRevision(issueId));
        return revision == null ? Optional.empty() : revision(issueId, revision, format);
    }

    /** Revision {@code revision} of the issue in {@code format}; empty if the issue has no such revision. */
    public Optional<StoredRender> revision(String issueId, int revision, RenderFormat format) {
        return Optional.ofNullable(cache.render(issueId, revision, format,
                () -> QuarkusTransaction.joiningExisting().call(() -> load(issueId, revision, format))));
    }

    /** What {@link #latest} answers, if memory holds it: empty means the database must be asked. */
    public Optional<StoredRender> latestInMemory(String issueId, RenderFormat format) {
        Integer revision = cache.latestRevisionInMemory(issueId, () -> loadLatestRevision(issueId));
        return revision == null ? Optional.empty() : revisionInMemory(issueId, revision, format);
    }

    /** What {@link #revision} answers, if memory holds it: empty means the database must be asked. */
    public Optional<StoredRender> revisionInMemory(String issueId, int revision, RenderFormat format) {
        return Optional.ofNullable(cache.inMemory(issueId, revision, format));
    }

    /** What {@link #feed} answers, if memory holds it: empty means the database must be asked. */
    public Optional<StoredRender> feedInMemory() {
        return Optional.ofNullable(cache.feedInMemory(this::loadFeed));
    }

    public StoredRender feed() {
        return cache.feed(this::loadFeed);
    }

    /**
     * Renders every stored revision and the feed again with today's renderers, replacing what was stored, one
     * revision per transaction, then forgets what this instance kept in memory.
     *
     * @return how many revisions were rendered
     */
    public int rerenderAll() {
        int rendered = 0;
        for (String issueId : QuarkusTransaction.requiringNew().call(revisions::issuesWithRevisions)) {
            List<PublishedRevision> published = QuarkusTransaction.requiringNew()
                    .call(() -> revisions.revisionsOf(issueId));
            for (PublishedRevision revision : published) {
                QuarkusTransaction.requiringNew().run(() -> rerender(issueId, revision.revision(), published));
                rendered++;
            }
        }
        QuarkusTransaction.requiringNew().run(() -> renderFeed(Instant.now()));
        cache.clear();
        LOG.infof("Rendered %d published revisions and the feed again", rendered);
        return rendered;
    }

    private void rerender(String issueId, int revision, List<PublishedRevision> published) {
        IssueContent content = revisions.findRevision(issueId, revision).orElseThrow().content;
        Instant now = Instant.now();
        for (RenderFormat format : RenderFormat.values()) {
            store.put(issueId, revision, format, StoredRender.of(format.mediaType(),
                    renderer.render(format, content, published)), now);
        }
    }

    private Integer loadLatestRevision(String issueId) {
        return QuarkusTransaction.joiningExisting().call(() -> issues.publishedRevision(issueId));
    }

    private StoredRender loadFeed() {
        return QuarkusTransaction.joiningExisting().call(
                () -> store.findFeed(IssueFeed.MEDIA_TYPE).orElseGet(() -> renderFeed(Instant.now())));
    }

    private Optional<StoredRender> load(String issueId, int revision, RenderFormat format) {
        return store.find(issueId, revision, format)
                .or(() -> revisions.findRevision(issueId, revision).map(stored -> renderFirst(stored, format)));
    }

    /** A revision published before renders were stored, rendered on its first read and stored from then on. */
    private StoredRender renderFirst(IssueRevisionEntity stored, RenderFormat format) {
        String text = format == RenderFormat.MARKDOWN
                ? stored.markdown
                : renderer.render(format, stored.content, revisions.revisionsOf(stored.id.issueId));
        StoredRender render = StoredRender.of(format.mediaType(), text);
        store.putIfAbsent(stored.id.issueId, stored.id.revision, format, render, Instant.now());
        return render;
    }

    /** Renders the feed with its row locked, so that concurrent publications render it one after the other. */
    private StoredRender renderFeed(Instant now) {
        store.lockFeed();
        List<IssueContent> latest = revisions.listPublished(FEED_ENTRIES).stream()
                .map(revision -> revision.content).toList();
        StoredRender feed = StoredRender.of(IssueFeed.MEDIA_TYPE, renderer.feed(latest));
        store.putFeed(feed, now);
        return feed;
    }
}

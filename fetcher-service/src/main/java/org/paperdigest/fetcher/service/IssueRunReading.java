package org.paperdigest.fetcher.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.paperdigest.events.ContentLevel;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.Stage;
import org.paperdigest.fetcher.domain.EventSink;
import org.paperdigest.fetcher.domain.IssueRun;
import org.paperdigest.fetcher.extract.ModelInstructions;
import org.paperdigest.fetcher.extract.ResourceLinks;
import org.paperdigest.fetcher.source.PaperContent;
import org.paperdigest.fetcher.source.PaperToRead;
import org.paperdigest.fetcher.source.Reading;
import org.paperdigest.fetcher.source.UnreadablePaperException;
import org.paperdigest.pipeline.StageMeters;

/**
 * The reading of one issue run's papers: each paper's work on a worker, the lookups on the issue's thread after, and
 * every paper settled as exactly one {@link PaperFetched} or {@link PaperFailed}, sent as soon as it is ready. An
 * exception in one paper never touches the others, and a paper left unsettled at the end (a bug, a stopped service)
 * is reported as failed rather than silently lost.
 */
final class IssueRunReading implements Reading {

    private static final Logger LOG = Logger.getLogger(IssueRunReading.class);

    private final IssueRun run;
    private final PaperWorkers workers;
    private final EventSink events;
    private final StageMeters meters;
    private final Clock clock;
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    /** Touched only on the issue's thread: by the readers and the lookups. */
    private final List<Future<?>> started = new ArrayList<>();
    private final List<Runnable> lookups = new ArrayList<>();

    IssueRunReading(IssueRun run, PaperWorkers workers, EventSink events, StageMeters meters, Clock clock) {
        this.run = run;
        this.workers = workers;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void start(PaperToRead<?> paper, Read read) {
        started.add(workers.start(() -> settle(paper, () -> {
            try {
                return fetched(paper, read.read());
            } catch (UnreadablePaperException e) {
                return failed(paper, e.getMessage());
            }
        })));
    }

    @Override
    public void fail(PaperToRead<?> paper, String reason) {
        settle(paper, () -> failed(paper, reason));
    }

    @Override
    public void lookUp(Runnable lookup) {
        lookups.add(lookup);
    }

    /** Runs the lookups asked for so far, in order; a lookup that breaks leaves its papers to {@link #finish}. */
    void runLookups() {
        for (int i = 0; i < lookups.size(); i++) {
            try {
                lookups.get(i).run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "issue %s: a lookup broke off", run.issueId());
            }
        }
    }

    /** Waits for every started paper, then settles as failed each of {@code papers} still unsettled. */
    void finish(Collection<PaperToRead<?>> papers) {
        PaperWorkers.awaitAll(started);
        for (PaperToRead<?> paper : papers) {
            if (!settled.contains(paper.key())) {
                fail(paper, "fetching stopped before this paper was done; see the fetcher-service log");
            }
        }
        LOG.infof("issue %s: %d papers settled for revision %d", run.issueId(), settled.size(), run.revision());
    }

    /** Runs one paper's work and emits its one event; any exception becomes that paper's failure. */
    private void settle(PaperToRead<?> paper, Supplier<DigestEvent> work) {
        String key = paper.key();
        if (settled.contains(key)) {
            return;
        }
        try (StageMeters.PaperWork paperWork = meters.start(run.issueId(), key)) {
            DigestEvent event;
            try {
                event = work.get();
            } catch (RuntimeException e) {
                LOG.errorf(e, "issue %s: unexpected error while fetching %s", run.issueId(), key);
                event = failed(paper, "unexpected error while fetching: " + message(e));
            }
            try {
                if (event instanceof PaperFetched fetched) {
                    events.fetched(fetched);
                } else {
                    events.failed((PaperFailed) event);
                }
                settled.add(key);
                paperWork.finished(event);
                LOG.infof("issue %s: %s %s", run.issueId(), key, event instanceof PaperFetched fetched
                        ? "sent, " + fetched.contentLevel() : "failed: " + ((PaperFailed) event).reason());
            } catch (RuntimeException e) {
                LOG.errorf(e, "issue %s: could not send the event for %s", run.issueId(), key);
            }
        }
    }

    private PaperFetched fetched(PaperToRead<?> paper, PaperContent content) {
        return new PaperFetched(PaperFetched.SCHEMA_VERSION, run.issueId(), paper.key(), run.revision(), run.model(),
                content.version(), content.metadata(),
                content.fullText() == null ? ContentLevel.ABSTRACT_ONLY : ContentLevel.FULL_TEXT, content.fullText(),
                content.notes(), content.sourceUrls(), clock.instant(),
                ResourceLinks.find(content.metadata().abstractText(), content.fullText()),
                ModelInstructions.flagged(content.hidden(), content.fullText(), content.metadata().abstractText()));
    }

    private PaperFailed failed(PaperToRead<?> paper, String reason) {
        return new PaperFailed(PaperFailed.SCHEMA_VERSION, run.issueId(), paper.key(), run.revision(), Stage.FETCH,
                reason, clock.instant());
    }

    private static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}

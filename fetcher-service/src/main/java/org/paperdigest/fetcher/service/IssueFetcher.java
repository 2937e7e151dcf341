package org.paperdigest.fetcher.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;
import org.paperdigest.fetcher.config.FetcherConfig;
import org.paperdigest.fetcher.domain.EventSink;
import org.paperdigest.fetcher.domain.IssueRun;
import org.paperdigest.fetcher.source.PaperReader;
import org.paperdigest.fetcher.source.PaperSource;
import org.paperdigest.fetcher.source.PaperToRead;
import org.paperdigest.pipeline.StageMeters;

/**
 * Fetches the papers of an issue run: hands each {@link PaperReader} the papers of its kind of source, which it
 * reads side by side ({@code paperdigest.fetcher.papers-at-once} at a time across issues), each paper sent as soon as
 * it is ready, so a paper whose PDF takes long to read holds back no other. How papers become events, once each,
 * is {@link IssueRunReading}'s.
 */
@ApplicationScoped
public class IssueFetcher {

    private static final Logger LOG = Logger.getLogger(IssueFetcher.class);

    private final Map<Class<?>, PaperReader<?>> readers = new LinkedHashMap<>();
    private final EventSink events;
    private final Clock clock;
    private final StageMeters meters;
    private final PaperWorkers workers;

    @Inject
    public IssueFetcher(@Any Instance<PaperReader<?>> readers, EventSink events, FetcherConfig config,
            MeterRegistry registry, ThreadContext context) {
        this(readers.stream().toList(), events, Clock.systemUTC(), config.papersAtOnce(),
                new StageMeters(registry, StageMeters.FETCH), context::contextualRunnable);
    }

    /**
     * @param papersAtOnce papers fetched side by side
     * @param meters       times each paper's own work (after its lookup) and counts its outcome
     */
    public IssueFetcher(List<PaperReader<?>> readers, EventSink events, Clock clock, int papersAtOnce,
            StageMeters meters) {
        this(readers, events, clock, papersAtOnce, meters, UnaryOperator.identity());
    }

    private IssueFetcher(List<PaperReader<?>> readers, EventSink events, Clock clock, int papersAtOnce,
            StageMeters meters, UnaryOperator<Runnable> inCallersContext) {
        readers.forEach(reader -> this.readers.put(reader.kind(), reader));
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        this.workers = new PaperWorkers(papersAtOnce, inCallersContext);
    }

    @PreDestroy
    void stop() {
        workers.stop();
    }

    /** Fetches {@code papers} for {@code run} and returns once each is settled. */
    public void fetch(IssueRun run, List<PaperToRead<?>> papers) {
        // A paper listed twice in one issue is fetched once: events are keyed by paper.
        Map<String, PaperToRead<?>> unique = new LinkedHashMap<>();
        papers.forEach(paper -> unique.putIfAbsent(paper.key(), paper));
        // Readers take their turn in the order their kind first appears, so the first paper starts first.
        Map<Class<?>, List<PaperToRead<?>>> byKind = new LinkedHashMap<>();
        unique.values().forEach(paper -> byKind.computeIfAbsent(paper.source().getClass(), kind -> new ArrayList<>())
                .add(paper));
        IssueRunReading reading = new IssueRunReading(run, workers, events, meters, clock);
        try {
            byKind.forEach((kind, ofKind) -> read(readers.get(kind), kind, ofKind, reading));
            reading.runLookups();
        } finally {
            reading.finish(unique.values());
        }
    }

    private static <S extends PaperSource> void read(PaperReader<S> reader, Class<?> kind,
            List<PaperToRead<?>> papers, IssueRunReading reading) {
        if (reader == null) {
            papers.forEach(paper -> reading.fail(paper, "the fetcher has no reader for papers of the kind "
                    + kind.getSimpleName()));
            return;
        }
        try {
            reader.read(papers.stream().map(paper -> paper.as(reader.kind())).toList(), reading);
        } catch (RuntimeException e) {
            LOG.errorf(e, "the reader of %s broke off", kind.getSimpleName());
        }
    }
}

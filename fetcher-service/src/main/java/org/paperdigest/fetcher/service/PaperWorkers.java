package org.paperdigest.fetcher.service;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The threads papers are read on, {@code paperdigest.fetcher.papers-at-once} of them, shared by every issue in work
 * like arXiv's rate limit. A paper's work runs in the context of the issue that started it (its trace, so the
 * paper's events carry it).
 */
final class PaperWorkers {

    private static final Logger LOG = Logger.getLogger(PaperWorkers.class);

    private final ExecutorService workers;
    private final UnaryOperator<Runnable> inCallersContext;

    PaperWorkers(int papersAtOnce, UnaryOperator<Runnable> inCallersContext) {
        this.inCallersContext = inCallersContext;
        this.workers = Executors.newFixedThreadPool(Math.max(1, papersAtOnce), work -> {
            Thread thread = new Thread(work, "fetch-paper");
            thread.setDaemon(true);
            return thread;
        });
    }

    Future<?> start(Runnable paper) {
        return workers.submit(inCallersContext.apply(paper));
    }

    /** Interrupts the papers in work; those not started are settled as failed by the issue that queued them. */
    void stop() {
        workers.shutdownNow().forEach(queued -> ((Future<?>) queued).cancel(false));
    }

    /**
     * Waits until every started paper is done, even when interrupted (a service stopping interrupts the workers,
     * which then end soon): only then may a paper left unsettled be settled as failed without being settled twice.
     */
    static void awaitAll(List<Future<?>> started) {
        boolean interrupted = false;
        for (Future<?> paper : started) {
            while (true) {
                try {
                    paper.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    LOG.errorf(e.getCause(), "a paper's fetch ended abnormally");
                    break;
                } catch (CancellationException notStarted) {
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

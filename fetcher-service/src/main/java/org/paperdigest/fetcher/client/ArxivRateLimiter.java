package org.paperdigest.fetcher.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.paperdigest.fetcher.config.FetcherConfig;

/**
 * arXiv's terms for automated access: at most one request every three seconds and one connection at a time, across
 * the whole service. Every call to arXiv (API query or PDF download, body included) runs inside {@link #call}: one
 * at a time, each starting at least {@code min-interval} after the previous one ended.
 */
@ApplicationScoped
public class ArxivRateLimiter {

    @FunctionalInterface
    public interface Call<T, E extends Exception> {
        T run() throws E;
    }

    private final ReentrantLock lock = new ReentrantLock(true);
    private final long minIntervalNanos;
    private long nextAllowedNanos = System.nanoTime();

    @Inject
    public ArxivRateLimiter(FetcherConfig config) {
        this(config.arxiv().minInterval());
    }

    public ArxivRateLimiter(Duration minInterval) {
        this.minIntervalNanos = minInterval.toNanos();
    }

    public <T, E extends Exception> T call(Call<T, E> request) throws E, InterruptedException {
        lock.lockInterruptibly();
        try {
            long wait = nextAllowedNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            try {
                return request.run();
            } finally {
                nextAllowedNanos = System.nanoTime() + minIntervalNanos;
            }
        } finally {
            lock.unlock();
        }
    }
}

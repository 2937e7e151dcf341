package org.paperdigest.fetcher.source.arxiv;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.paperdigest.fetcher.config.FetcherConfig;

/**
 * arXiv's terms for automated access: at most one request every three seconds and one connection at a time, across
 * the whole service. Every call to arXiv (API query or PDF download, body included) runs inside {@link #call}: one
 * at a time, each starting at least {@code min-interval} after the previous one ended. Counts the calls by outcome
 * ({@code paperdigest_arxiv_requests_total{outcome="ok"|"failed"}}) and the time they waited for their turn
 * ({@code paperdigest_arxiv_rate_limit_wait_seconds}).
 */
@ApplicationScoped
public class ArxivRateLimiter {

    @FunctionalInterface
    public interface Call<T, E extends Exception> {
        T run() throws E;
    }

    private final ReentrantLock lock = new ReentrantLock(true);
    private final long minIntervalNanos;
    private final MeterRegistry registry;
    private final Timer waits;
    private long nextAllowedNanos = System.nanoTime();

    @Inject
    public ArxivRateLimiter(FetcherConfig config, MeterRegistry registry) {
        this(config.arxiv().minInterval(), registry);
    }

    public ArxivRateLimiter(Duration minInterval) {
        this(minInterval, new SimpleMeterRegistry());
    }

    private ArxivRateLimiter(Duration minInterval, MeterRegistry registry) {
        this.minIntervalNanos = minInterval.toNanos();
        this.registry = registry;
        this.waits = Timer.builder("paperdigest.arxiv.rate.limit.wait")
                .description("Time arXiv calls waited for their turn under the rate limit").register(registry);
    }

    public <T, E extends Exception> T call(Call<T, E> request) throws E, InterruptedException {
        long arrived = System.nanoTime();
        lock.lockInterruptibly();
        try {
            long wait = nextAllowedNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            waits.record(System.nanoTime() - arrived, TimeUnit.NANOSECONDS);
            String outcome = "failed";
            try {
                T result = request.run();
                outcome = "ok";
                return result;
            } finally {
                nextAllowedNanos = System.nanoTime() + minIntervalNanos;
                Counter.builder("paperdigest.arxiv.requests").description("Calls to arXiv by outcome")
                        .tag("outcome", outcome).register(registry).increment();
            }
        } finally {
            lock.unlock();
        }
    }
}

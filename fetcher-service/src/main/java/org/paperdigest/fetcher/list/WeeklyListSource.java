package org.paperdigest.fetcher.list;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.paperdigest.fetcher.config.FetcherConfig;

/** The parsed weekly list, read again once the cached copy is older than {@code readme-cache-ttl}. */
@ApplicationScoped
public class WeeklyListSource {

    private final ReadmeClient readme;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC();
    private WeeklyList cached;
    private Instant readAt;

    @Inject
    public WeeklyListSource(ReadmeClient readme, FetcherConfig config) {
        this.readme = readme;
        this.ttl = config.readmeCacheTtl();
    }

    /** @throws ListUnavailableException when the list cannot be read or holds no weeks */
    public synchronized WeeklyList current() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(readAt.plus(ttl))) {
            return cached;
        }
        WeeklyList list = ReadmeParser.parse(readme.read());
        if (list.weeks().isEmpty()) {
            throw new ListUnavailableException("the list at " + readme.url()
                    + " has no \"## Top ML Papers of the Week (...)\" sections");
        }
        cached = list;
        readAt = now;
        return list;
    }

    public String url() {
        return readme.url();
    }
}

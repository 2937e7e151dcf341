package org.paperdigest.fetcher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the fetcher can be told; each key can be set as {@code -Dpaperdigest.fetcher.<key>=value}. */
@ConfigMapping(prefix = "paperdigest.fetcher")
public interface FetcherConfig {

    /** The weekly list: the raw README of dair-ai/ML-Papers-of-the-Week. */
    @WithDefault("https://raw.githubusercontent.com/dair-ai/ML-Papers-of-the-Week/main/README.md")
    URI readmeUrl();

    /** How long a read README is reused; the list changes once a week, a request burst should not re-read it. */
    @WithDefault("PT5M")
    Duration readmeCacheTtl();

    /** Who to contact about our traffic (an e-mail or URL); sent in the User-Agent, as arXiv asks of API users. */
    Optional<String> contact();

    /**
     * Papers of an issue fetched at once, so that a paper is sent as soon as it is ready and a slow one (a large PDF
     * to read) holds back no other. arXiv's calls stay one at a time under {@link Arxiv#minInterval()} whatever this
     * is; what runs side by side is reading the documents and fetching from other hosts.
     */
    @WithDefault("4")
    int papersAtOnce();

    Http http();

    Arxiv arxiv();

    Download download();

    Text text();

    Schedule schedule();

    Custom custom();

    interface Http {
        @WithDefault("PT10S")
        Duration connectTimeout();

        /** Longest wait for response data; a slow PDF host must not hold an issue forever. */
        @WithDefault("PT60S")
        Duration readTimeout();
    }

    interface Arxiv {
        @WithDefault("https://export.arxiv.org/api/query")
        URI apiUrl();

        /** Where PDFs are downloaded from; the events still name the real arXiv URLs. */
        @WithDefault("https://arxiv.org/pdf/")
        URI pdfBaseUrl();

        /**
         * arXiv's HTML rendering of a paper (sections, math as TeX), read before the PDF where it exists; on the
         * same host as the PDFs, so the same rate limit covers both.
         */
        @WithDefault("https://arxiv.org/html/")
        URI htmlBaseUrl();

        /** arXiv's terms: no more than one request every three seconds, one connection at a time. */
        @WithDefault("PT3S")
        Duration minInterval();

        /** Attempts at one export-API request when arXiv answers 5xx or the connection fails. */
        @WithDefault("3")
        int maxAttempts();

        /** Most ids in one {@code id_list} request; a larger issue is looked up in several (still rate-limited). */
        @WithDefault("100")
        int maxIdsPerRequest();
    }

    interface Download {
        /** Larger documents are not read (the paper is sent with its abstract only). */
        @WithDefault("52428800")
        long maxBytes();

        /** Cap on a web page (HTML); pages are text and far smaller than a paper's PDF. */
        @WithDefault("5242880")
        long maxHtmlBytes();

        /**
         * Whether links from the list (and the redirects they answer with) may point at any address, including
         * loopback, private, link-local and cloud metadata ones. Off by default: a link in a public list must not
         * make us probe our own network. Tests serving fixtures locally turn it on; to admit only some internal
         * hosts, use {@link #allowedHosts()}.
         */
        @WithDefault("false")
        boolean allowPrivateHosts();

        /**
         * Hosts (exact names), addresses or CIDR ranges that links may point at although they are internal, e.g.
         * {@code papers.intranet.example,10.20.0.0/16}. Empty by default.
         */
        Optional<List<String>> allowedHosts();

        /** Redirects followed per download; each hop is checked like the link itself. */
        @WithDefault("5")
        int maxRedirects();
    }

    interface Text {
        /** Cap on the extracted full text of one paper, so one event stays well under the topic's size limit. */
        @WithDefault("400000")
        int maxChars();
    }

    interface Schedule {
        /** Whether the weekly plan runs on its own; the prod profile turns it on. */
        @WithDefault("false")
        boolean enabled();

        /**
         * Quartz-style cron, read in {@link #timezone()}. Default: Mondays 12:00, after the list has had the weekend
         * to appear.
         */
        @WithDefault("0 0 12 ? * MON")
        String cron();

        /** The time zone the cron is read in, e.g. {@code Asia/Tokyo}. */
        @WithDefault("UTC")
        String timezone();
    }

    /** Custom issues: {@code POST /api/issues} with {@code {"arxivIds":[...], "title":...}}. */
    interface Custom {
        /** Most papers in one custom issue. */
        @WithDefault("50")
        int maxPapers();

        /** Longest title a custom issue may have; at most 500, the size of the stored title. */
        @WithDefault("200")
        int maxTitleLength();
    }
}

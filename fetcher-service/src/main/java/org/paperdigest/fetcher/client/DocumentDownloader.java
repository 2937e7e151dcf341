package org.paperdigest.fetcher.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.paperdigest.fetcher.config.FetcherConfig;
import org.paperdigest.fetcher.config.RestClients;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.domain.Document;
import org.paperdigest.fetcher.domain.DocumentSource;
import org.paperdigest.fetcher.domain.DownloadException;
import org.paperdigest.fetcher.source.arxiv.ArxivRateLimiter;

/**
 * Downloads PDFs and pages with a size cap and our timeouts. arXiv PDFs come from the configured base URL and go
 * through arXiv's rate limit; links from the list are untrusted input and pass the {@link OutboundUrlGuard}.
 * Redirects are followed here, not by the HTTP client, so that every hop is checked like the link itself (a public
 * page must not bounce us to an internal address) and a redirect loop ends after a few hops.
 */
@ApplicationScoped
public class DocumentDownloader implements DocumentSource {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final DocumentApi api;
    private final ArxivRateLimiter limiter;
    private final OutboundUrlGuard guard;
    private final String pdfBaseUrl;
    private final String htmlBaseUrl;
    private final Set<String> arxivHosts;
    private final long maxBytes;
    private final long maxHtmlBytes;
    private final int maxRedirects;

    @Inject
    public DocumentDownloader(FetcherConfig config, ArxivRateLimiter limiter) {
        this.pdfBaseUrl = withSlash(config.arxiv().pdfBaseUrl());
        this.htmlBaseUrl = withSlash(config.arxiv().htmlBaseUrl());
        // Usually one host (arxiv.org) serves both.
        this.arxivHosts = Stream.of(config.arxiv().pdfBaseUrl(), config.arxiv().htmlBaseUrl())
                .map(base -> base.getHost().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.api = RestClients.build(DocumentApi.class, config.arxiv().pdfBaseUrl(), config, false);
        this.limiter = limiter;
        this.guard = OutboundUrlGuard.system(config.download().allowPrivateHosts(),
                config.download().allowedHosts().orElse(List.of()));
        this.maxBytes = config.download().maxBytes();
        this.maxHtmlBytes = Math.min(maxBytes, config.download().maxHtmlBytes());
        this.maxRedirects = config.download().maxRedirects();
    }

    @Override
    public Document arxivPdf(ArxivId versionedId) throws DownloadException {
        return fromArxiv(pdfBaseUrl + versionedId.versioned(), "PDF download");
    }

    @Override
    public Document arxivHtml(ArxivId versionedId) throws DownloadException {
        return fromArxiv(htmlBaseUrl + versionedId.versioned(), "HTML download");
    }

    private Document fromArxiv(String url, String what) throws DownloadException {
        try {
            // The configured arXiv hosts are trusted; a redirect elsewhere is checked like a list link.
            return limiter.call(() -> get(url, what, true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("interrupted while waiting for arXiv's rate limit", e);
        }
    }

    @Override
    public Document download(String url) throws DownloadException {
        return get(url, "download", false);
    }

    private Document get(String url, String what, boolean trustArxiv) throws DownloadException {
        String current = url;
        for (int hop = 0; ; hop++) {
            URI target = trustArxiv && isArxivHost(current) ? URI.create(current) : guard.check(current);
            Response response;
            try {
                response = api.get(target.toString());
            } catch (ProcessingException e) {
                throw new DownloadException(what + " failed: " + RestClients.rootMessage(e), e);
            }
            try (response) {
                if (REDIRECTS.contains(response.getStatus())) {
                    String location = response.getHeaderString("Location");
                    if (location == null || location.isBlank()) {
                        throw new DownloadException(what + " answered HTTP " + response.getStatus()
                                + " without a Location");
                    }
                    if (hop >= maxRedirects) {
                        throw new DownloadException(what + " of " + url + " was redirected more than " + maxRedirects
                                + " times; not following further");
                    }
                    current = resolve(target, location);
                    continue;
                }
                return read(response, current, what);
            }
        }
    }

    private Document read(Response response, String url, String what) throws DownloadException {
        try {
            if (response.getStatus() != 200) {
                throw new DownloadException(what + " returned HTTP " + response.getStatus());
            }
            String contentType = response.getHeaderString("Content-Type");
            // A web page is far smaller than a paper's PDF; a huge "page" is not worth reading.
            long cap = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")
                    ? maxHtmlBytes : maxBytes;
            long declared = response.getLength();
            if (declared > cap) {
                throw new DownloadException(what + " is " + declared + " bytes, over the cap of " + cap);
            }
            try (InputStream in = response.readEntity(InputStream.class)) {
                return new Document(url, contentType, readCapped(in, what, cap));
            }
        } catch (IOException | ProcessingException e) {
            throw new DownloadException(what + " failed while reading: " + RestClients.rootMessage(e), e);
        }
    }

    private static String resolve(URI base, String location) throws DownloadException {
        try {
            return base.resolve(new URI(location.trim())).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new DownloadException("redirect to an invalid URL: " + location, e);
        }
    }

    private boolean isArxivHost(String url) {
        try {
            String host = new URI(url).getHost();
            return host != null && arxivHosts.contains(host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String withSlash(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text : text + "/";
    }

    /** Reads at most {@code cap} bytes; a server that sends more than it declared is cut off, not believed. */
    private static byte[] readCapped(InputStream in, String what, long cap) throws IOException, DownloadException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            total += n;
            if (total > cap) {
                throw new DownloadException(what + " is larger than the cap of " + cap + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}

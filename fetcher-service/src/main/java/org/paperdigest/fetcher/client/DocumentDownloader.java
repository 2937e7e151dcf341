package org.paperdigest.fetcher.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.paperdigest.fetcher.config.FetcherConfig;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.domain.Document;
import org.paperdigest.fetcher.domain.DocumentSource;
import org.paperdigest.fetcher.domain.DownloadException;

/**
 * Downloads PDFs and pages with a size cap and our timeouts. arXiv PDFs come from the configured base URL and go
 * through arXiv's rate limit; links from the list are untrusted input: http(s) only, and no loopback, private or
 * link-local targets unless configured.
 */
@ApplicationScoped
public class DocumentDownloader implements DocumentSource {

    private final DocumentApi api;
    private final ArxivRateLimiter limiter;
    private final String pdfBaseUrl;
    private final long maxBytes;
    private final boolean allowPrivateHosts;

    @Inject
    public DocumentDownloader(FetcherConfig config, ArxivRateLimiter limiter) {
        String base = config.arxiv().pdfBaseUrl().toString();
        this.pdfBaseUrl = base.endsWith("/") ? base : base + "/";
        this.api = RestClients.build(DocumentApi.class, config.arxiv().pdfBaseUrl(), config);
        this.limiter = limiter;
        this.maxBytes = config.download().maxBytes();
        this.allowPrivateHosts = config.download().allowPrivateHosts();
    }

    @Override
    public Document arxivPdf(ArxivId versionedId) throws DownloadException {
        String url = pdfBaseUrl + versionedId.versioned();
        try {
            return limiter.call(() -> get(url, "PDF download"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("interrupted while waiting for arXiv's rate limit", e);
        }
    }

    @Override
    public Document download(String url) throws DownloadException {
        checkTarget(url);
        return get(url, "download");
    }

    private Document get(String url, String what) throws DownloadException {
        Response response;
        try {
            response = api.get(url);
        } catch (ProcessingException e) {
            throw new DownloadException(what + " failed: " + ReadmeClient.rootMessage(e), e);
        }
        try (response) {
            if (response.getStatus() != 200) {
                throw new DownloadException(what + " returned HTTP " + response.getStatus());
            }
            long declared = response.getLength();
            if (declared > maxBytes) {
                throw new DownloadException(what + " is " + declared + " bytes, over the cap of " + maxBytes);
            }
            String contentType = response.getHeaderString("Content-Type");
            try (InputStream in = response.readEntity(InputStream.class)) {
                return new Document(url, contentType, readCapped(in, what));
            }
        } catch (IOException | ProcessingException e) {
            throw new DownloadException(what + " failed while reading: " + ReadmeClient.rootMessage(e), e);
        }
    }

    /** Reads at most {@code maxBytes}; a server that sends more than it declared is cut off, not believed. */
    private byte[] readCapped(InputStream in, String what) throws IOException, DownloadException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            total += n;
            if (total > maxBytes) {
                throw new DownloadException(what + " is larger than the cap of " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void checkTarget(String url) throws DownloadException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new DownloadException("not a valid URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new DownloadException("only http(s) links are downloaded: " + url);
        }
        if (allowPrivateHosts) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isInternal(address)) {
                    throw new DownloadException("the link points at an internal address (" + address.getHostAddress()
                            + "), which is not fetched: " + url);
                }
            }
        } catch (UnknownHostException e) {
            throw new DownloadException("unknown host " + uri.getHost(), e);
        }
    }

    static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6;
    }
}

package org.paperdigest.fetcher.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.domain.Document;
import org.paperdigest.fetcher.domain.DownloadException;

/**
 * Redirects are followed by the downloader, hop by hop, through the guard. The local server is admitted by the
 * allow-list (127.0.0.1/32 only), so a redirect to any other internal address must be refused before it is
 * requested.
 */
@QuarkusTest
@TestProfile(DocumentDownloaderRedirectTest.GuardedDownloads.class)
@WithTestResource(DocumentDownloaderRedirectTest.LocalServer.class)
class DocumentDownloaderRedirectTest {

    public static class GuardedDownloads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperdigest.fetcher.download.allow-private-hosts", "false",
                    "paperdigest.fetcher.download.allowed-hosts", "127.0.0.1/32",
                    "paperdigest.fetcher.download.max-redirects", "3",
                    "paperdigest.fetcher.download.max-html-bytes", "1000",
                    "paperdigest.fetcher.arxiv.min-interval", "PT0.01S");
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Local {
    }

    /**
     * A local server that redirects as each test needs. It also stands in for arXiv under the name "localhost", so
     * that host is trusted as the configured PDF host, not through the allow-list.
     */
    public static class LocalServer implements QuarkusTestResourceLifecycleManager {

        private HttpServer server;
        private final List<String> requested = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                requested.add(path);
                if (path.equals("/paper.pdf") || path.equals("/pdf/2311.00001v1")) {
                    send(exchange, 200, "application/pdf", PDF);
                } else if (path.equals("/moved")) {
                    redirect(exchange, 301, "/paper.pdf"); // relative, resolved against this hop
                } else if (path.equals("/twice")) {
                    redirect(exchange, 302, base + "/moved");
                } else if (path.equals("/to-metadata") || path.equals("/pdf/2311.00002v1")) {
                    redirect(exchange, 302, "http://169.254.169.254/latest/meta-data/");
                } else if (path.equals("/to-loopback-v6")) {
                    redirect(exchange, 307, "http://[::1]:" + server.getAddress().getPort() + "/paper.pdf");
                } else if (path.equals("/to-file")) {
                    redirect(exchange, 302, "file:///etc/passwd");
                } else if (path.startsWith("/loop/")) {
                    int n = Integer.parseInt(path.substring("/loop/".length()));
                    redirect(exchange, 302, "/loop/" + (n + 1));
                } else if (path.equals("/no-location")) {
                    send(exchange, 302, "text/plain", new byte[0]);
                } else if (path.equals("/big.html")) {
                    send(exchange, 200, "text/html; charset=utf-8",
                            "<p>x</p>".repeat(200).getBytes(StandardCharsets.UTF_8));
                } else {
                    send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                }
            });
            server.start();
            return Map.of("paperdigest.fetcher.arxiv.pdf-base-url",
                    "http://localhost:" + server.getAddress().getPort() + "/pdf/");
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Local.class, HttpServer.class));
            injector.injectIntoFields(requested, new TestInjector.AnnotatedAndMatchesType(Local.class, List.class));
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    private static final byte[] PDF = "%PDF-1.4 not really a paper".getBytes(StandardCharsets.US_ASCII);

    @Local
    HttpServer server;

    @Local
    List<String> requested;

    private String base;

    @Inject
    DocumentDownloader downloader;

    @BeforeEach
    void forget() {
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        requested.clear();
    }

    @Test
    void followsRedirectsHopByHopAndNamesTheFinalUrl() throws DownloadException {
        Document document = downloader.download(base + "/twice");
        assertArrayEquals(PDF, document.body());
        assertEquals(base + "/paper.pdf", document.url());
        assertEquals(List.of("/twice", "/moved", "/paper.pdf"), requested);
    }

    @Test
    void refusesARedirectToTheMetadataAddress() {
        DownloadException e = assertThrows(DownloadException.class, () -> downloader.download(base + "/to-metadata"));
        assertEquals("the link points at an internal address (169.254.169.254), which is not fetched: "
                + "http://169.254.169.254/latest/meta-data/", e.getMessage());
    }

    @Test
    void refusesARedirectToAnInternalAddressOutsideTheAllowList() {
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download(base + "/to-loopback-v6"));
        assertTrue(e.getMessage().startsWith("the link points at an internal address (0:0:0:0:0:0:0:1)"),
                e.getMessage());
        assertEquals(List.of("/to-loopback-v6"), requested, "the refused hop is never requested");
    }

    @Test
    void refusesARedirectToAnotherScheme() {
        DownloadException e = assertThrows(DownloadException.class, () -> downloader.download(base + "/to-file"));
        assertEquals("only http(s) links are downloaded: file:///etc/passwd", e.getMessage());
    }

    @Test
    void stopsAfterTheConfiguredNumberOfRedirects() {
        DownloadException e = assertThrows(DownloadException.class, () -> downloader.download(base + "/loop/0"));
        assertEquals("download of " + base + "/loop/0 was redirected more than 3 times; not following further",
                e.getMessage());
        assertEquals(List.of("/loop/0", "/loop/1", "/loop/2", "/loop/3"), requested);
    }

    @Test
    void aRedirectWithoutALocationIsAnError() {
        DownloadException e = assertThrows(DownloadException.class, () -> downloader.download(base + "/no-location"));
        assertEquals("download answered HTTP 302 without a Location", e.getMessage());
    }

    @Test
    void theConfiguredArxivHostIsTrustedButItsRedirectsElsewhereAreChecked() throws DownloadException {
        String pdfBase = "http://localhost:" + server.getAddress().getPort() + "/pdf/";
        Document pdf = downloader.arxivPdf(ArxivId.parse("2311.00001v1").orElseThrow());
        assertArrayEquals(PDF, pdf.body());
        assertEquals(pdfBase + "2311.00001v1", pdf.url());
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.arxivPdf(ArxivId.parse("2311.00002v1").orElseThrow()));
        assertTrue(e.getMessage().contains("internal address (169.254.169.254)"), e.getMessage());
    }

    @Test
    void refusesAnInternalLinkItself() {
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.download("http://10.0.0.1/paper.pdf"));
        assertTrue(e.getMessage().contains("internal address (10.0.0.1)"), e.getMessage());
    }

    @Test
    void capsAWebPageBelowThePdfCap() {
        DownloadException e = assertThrows(DownloadException.class, () -> downloader.download(base + "/big.html"));
        assertEquals("download is 1600 bytes, over the cap of 1000", e.getMessage());
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        send(exchange, status, "text/plain", new byte[0]);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}

package org.paperdigest.fetcher.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.paperdigest.fetcher.domain.DownloadException;

/** Names are resolved by a fixed table, never by DNS: these tests need no network. */
class OutboundUrlGuardTest {

    private static final Map<String, String> DNS = Map.of(
            "papers.example", "93.184.216.34",
            "rebound.example", "10.1.2.3",
            "split.example", "93.184.216.34,127.0.0.1",
            "intranet.example", "192.168.1.20");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String answer = DNS.get(host);
        if (answer == null) {
            // Only literals remain; getAllByName parses them without a lookup.
            if (!OutboundUrlGuard.Cidr.looksLikeAddress(host)) {
                throw new UnknownHostException(host);
            }
            return InetAddress.getAllByName(host);
        }
        String[] parts = answer.split(",");
        InetAddress[] addresses = new InetAddress[parts.length];
        for (int i = 0; i < parts.length; i++) {
            addresses[i] = InetAddress.getByName(parts[i]);
        }
        return addresses;
    }

    private final OutboundUrlGuard guard = new OutboundUrlGuard(false, List.of(), OutboundUrlGuardTest::resolve);

    @Test
    void allowsAPublicLiteralAndAPublicName() throws DownloadException {
        assertEquals(URI.create("http://93.184.216.34/paper.pdf"), guard.check("http://93.184.216.34/paper.pdf"));
        assertEquals("papers.example", guard.check("https://papers.example/a?b=c").getHost());
        assertEquals("[2606:2800:220:1:248:1893:25c8:1946]",
                guard.check("https://[2606:2800:220:1:248:1893:25c8:1946]/x").getHost());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://93.184.216.34/paper.pdf", "file:///etc/passwd", "gopher://93.184.216.34/",
            "javascript:alert(1)", "/relative/path", "http:///no-host"})
    void refusesAnythingButHttpAndHttps(String url) {
        DownloadException e = assertThrows(DownloadException.class, () -> guard.check(url));
        assertTrue(e.getMessage().startsWith("only http(s) links are downloaded")
                || e.getMessage().startsWith("not a valid URL"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/", "http://127.8.9.10:8080/", // loopback
            "http://10.0.0.1/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.0.1/", // private
            "http://169.254.169.254/latest/meta-data/", "http://169.254.1.1/", // link-local, metadata
            "http://0.0.0.0/", "http://100.64.0.1/", "http://100.127.255.254/", // unspecified, CGNAT
            "http://224.0.0.1/", "http://255.255.255.255/", // multicast, broadcast
            "http://[::1]/", "http://[::]/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/",
            "http://[ff02::1]/", "http://[fd00:ec2::254]/", // IPv6 loopback, unspecified, ULA, link-local, multicast
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://[::ffff:10.0.0.1]/",
            "http://[::ffff:7f00:1]/", // IPv4-mapped IPv6 of the above
            "http://rebound.example/", "http://split.example/", "http://intranet.example/"}) // names resolving inside
    void refusesInternalAddresses(String url) {
        DownloadException e = assertThrows(DownloadException.class, () -> guard.check(url));
        assertTrue(e.getMessage().startsWith("the link points at an internal address"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://metadata.google.internal/computeMetadata/v1/",
            "http://METADATA.google.internal./", "http://metadata/"})
    void refusesMetadataHostNamesWithoutResolvingThem(String url) {
        DownloadException e = assertThrows(DownloadException.class, () -> guard.check(url));
        assertTrue(e.getMessage().startsWith("the link points at a cloud metadata service"), e.getMessage());
    }

    @Test
    void anUnknownHostIsRefusedWithItsName() {
        DownloadException e = assertThrows(DownloadException.class, () -> guard.check("https://nowhere.example/"));
        assertEquals("unknown host nowhere.example", e.getMessage());
    }

    @Test
    void theAllowListAdmitsNamedHostsAndRanges() throws DownloadException {
        OutboundUrlGuard allowing = new OutboundUrlGuard(false,
                List.of("intranet.example", " 10.0.0.0/8", "::1", ""), OutboundUrlGuardTest::resolve);
        allowing.check("http://intranet.example/paper.pdf");
        allowing.check("http://rebound.example/"); // resolves to 10.1.2.3, inside 10.0.0.0/8
        allowing.check("http://[::1]:8080/");
        DownloadException e = assertThrows(DownloadException.class, () -> allowing.check("http://127.0.0.1/"));
        assertTrue(e.getMessage().contains("(127.0.0.1)"), e.getMessage());
        assertThrows(DownloadException.class, () -> allowing.check("http://172.16.0.1/"));
    }

    @Test
    void allowAllSkipsTheAddressChecksButNotTheSchemeCheck() throws DownloadException {
        OutboundUrlGuard open = new OutboundUrlGuard(true, List.of(), host -> {
            throw new AssertionError("nothing is resolved when every host is allowed");
        });
        open.check("http://127.0.0.1:8081/fixtures/paper.pdf");
        assertThrows(DownloadException.class, () -> open.check("file:///etc/passwd"));
    }

    @Test
    void publicAddressesNextToInternalRangesAreNotInternal() throws UnknownHostException {
        for (String address : List.of("9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "172.15.255.255",
                "172.32.0.0", "192.167.255.255", "169.253.255.255", "2001:4860:4860::8888", "::ffff:8.8.8.8")) {
            assertTrue(!OutboundUrlGuard.isInternal(InetAddress.getByName(address)), address);
        }
    }
}

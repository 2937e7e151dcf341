package org.paperdigest.fetcher.client;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.paperdigest.fetcher.domain.DownloadException;

/**
 * Decides whether a URL taken from the list (or a redirect it answered with) may be fetched. Links in a public list
 * are untrusted: without this check a row could make the fetcher probe our own network or a cloud metadata
 * endpoint. Only http and https are allowed, and every address the host resolves to must be public, unless the
 * host or the address is on the allow-list.
 *
 * <p>Remaining gap (DNS rebinding): the HTTP client resolves the host again when it connects, so a name that
 * answers with a public address here and a private one a moment later is not caught. Closing it needs a client
 * that connects to the address checked here; the check still stops every literal address and every name that
 * resolves to an internal address consistently.
 */
public final class OutboundUrlGuard {

    /** Resolves a host to all its addresses; a literal address resolves to itself without any lookup. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Names that reach a cloud provider's instance metadata service from inside the cloud. */
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
            "metadata.azure.internal", "instance-data", "instance-data.ec2.internal");

    private static final List<Cidr> INTERNAL = List.of(
            Cidr.parse("0.0.0.0/8"), // "this network", including the unspecified address
            Cidr.parse("10.0.0.0/8"),
            Cidr.parse("100.64.0.0/10"), // carrier-grade NAT, internal to a provider
            Cidr.parse("127.0.0.0/8"),
            Cidr.parse("169.254.0.0/16"), // link-local, including 169.254.169.254 (instance metadata)
            Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.0.0.0/24"),
            Cidr.parse("192.168.0.0/16"),
            Cidr.parse("198.18.0.0/15"),
            Cidr.parse("224.0.0.0/4"), // multicast
            Cidr.parse("240.0.0.0/4"), // reserved, including broadcast
            Cidr.parse("::/128"),
            Cidr.parse("::1/128"),
            Cidr.parse("fc00::/7"), // unique local
            Cidr.parse("fe80::/10"), // link-local
            Cidr.parse("fec0::/10"), // deprecated site-local
            Cidr.parse("ff00::/8"), // multicast
            Cidr.parse("fd00:ec2::254/128")); // instance metadata over IPv6 (inside fc00::/7, named for clarity)

    private final boolean allowAll;
    private final Set<String> allowedHosts;
    private final List<Cidr> allowedRanges;
    private final Resolver resolver;

    /**
     * @param allowAll   skip the address checks (tests serving fixtures locally); the scheme check stays
     * @param allowList  host names (exact, case-insensitive), addresses or CIDR ranges that may be fetched even
     *                   though they are internal
     */
    public OutboundUrlGuard(boolean allowAll, List<String> allowList, Resolver resolver) {
        this.allowAll = allowAll;
        this.resolver = resolver;
        List<Cidr> ranges = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String entry : allowList) {
            String value = entry.trim();
            if (value.isEmpty()) {
                continue;
            }
            if (Cidr.looksLikeAddress(value)) {
                ranges.add(Cidr.parse(value.contains("/") ? value : value + (value.contains(":") ? "/128" : "/32")));
            } else {
                hosts.add(value.toLowerCase(Locale.ROOT));
            }
        }
        this.allowedHosts = Set.copyOf(hosts);
        this.allowedRanges = List.copyOf(ranges);
    }

    public static OutboundUrlGuard system(boolean allowAll, List<String> allowList) {
        return new OutboundUrlGuard(allowAll, allowList, InetAddress::getAllByName);
    }

    /** Returns the parsed URL when it may be fetched; otherwise says why not. */
    public URI check(String url) throws DownloadException {
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
        if (allowAll) {
            return uri;
        }
        String host = hostOf(uri);
        if (allowedHosts.contains(host)) {
            return uri;
        }
        if (METADATA_HOSTS.contains(host)) {
            throw new DownloadException("the link points at a cloud metadata service (" + host
                    + "), which is not fetched: " + url);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new DownloadException("unknown host " + host, e);
        }
        // Every address counts: a client may connect to any of them.
        for (InetAddress address : addresses) {
            if (isInternal(address) && allowedRanges.stream().noneMatch(range -> range.contains(address))) {
                throw new DownloadException("the link points at an internal address (" + address.getHostAddress()
                        + "), which is not fetched: " + url);
            }
        }
        return uri;
    }

    /** Loopback, private, link-local, unspecified, multicast, CGNAT and reserved; IPv4-mapped IPv6 as its IPv4. */
    static boolean isInternal(InetAddress address) {
        InetAddress effective = embeddedIpv4(address);
        return INTERNAL.stream().anyMatch(range -> range.contains(effective));
    }

    /** ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible) reach a.b.c.d on a dual-stack host. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return address;
            }
        }
        boolean mapped = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = bytes[10] == 0 && bytes[11] == 0 && !isZeroOrOne(bytes);
        if (!mapped && !compatible) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** :: and ::1 are IPv6's own unspecified and loopback addresses, not IPv4-compatible ones. */
    private static boolean isZeroOrOne(byte[] bytes) {
        for (int i = 12; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 0 || bytes[15] == 1;
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        // "metadata.google.internal." names the same host as without the trailing dot.
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** An address range, such as 10.0.0.0/8 or fc00::/7. */
    record Cidr(byte[] network, int prefix) {

        static boolean looksLikeAddress(String value) {
            String address = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
            return address.contains(":") || address.matches("[0-9.]+");
        }

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("not a CIDR range: " + text);
            }
            String address = text.substring(0, slash);
            if (!looksLikeAddress(address)) {
                throw new IllegalArgumentException("not an address: " + text);
            }
            byte[] network;
            try {
                // A literal is parsed, never looked up.
                network = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address: " + text, e);
            }
            int prefix = Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + text);
            }
            return new Cidr(network, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}

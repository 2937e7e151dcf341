package org.paperdigest.fetcher.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperdigest.events.PaperKeys;

/**
 * An arXiv identifier: new style ({@code 2311.12022}) or old style ({@code cs/0112017}, {@code math.GT/0309136}),
 * with the version when one is named.
 *
 * @param id      without version
 * @param version e.g. {@code v2}, or null for "the latest"
 */
public record ArxivId(String id, String version) {

    private static final String ID = "(\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[A-Za-z]{2})?/\\d{7})";
    private static final Pattern PLAIN = Pattern.compile("^" + ID + "(v\\d+)?$");
    /** Paths that name a paper: /abs/ID, /pdf/ID, /pdf/ID.pdf, /html/ID, /format/ID, each optionally versioned. */
    private static final Pattern PATH = Pattern.compile("^/(?:abs|pdf|html|format)/" + ID + "(v\\d+)?(?:\\.pdf)?/?$");
    private static final Pattern ARXIV_HOST = Pattern.compile("^(?:www\\.|export\\.)?arxiv\\.org$");

    /** Parses {@code 2311.12022}, {@code 2311.12022v1}, {@code cs/0112017v2}. */
    public static Optional<ArxivId> parse(String text) {
        Matcher m = PLAIN.matcher(text.strip());
        return m.matches() ? Optional.of(new ArxivId(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The paper an arXiv URL points at (abs or pdf page, http or https, with or without www). */
    public static Optional<ArxivId> fromUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || !ARXIV_HOST.matcher(host).matches()
                    || uri.getPath() == null) {
                return Optional.empty();
            }
            Matcher m = PATH.matcher(uri.getPath());
            return m.matches() ? Optional.of(new ArxivId(m.group(1), m.group(2))) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code 2311.12022v1}, or the bare id when no version is named. */
    public String versioned() {
        return version == null ? id : id + version;
    }

    public ArxivId withoutVersion() {
        return new ArxivId(id, null);
    }

    public String paperKey() {
        return PaperKeys.arxiv(id);
    }

    @Override
    public String toString() {
        return versioned();
    }
}

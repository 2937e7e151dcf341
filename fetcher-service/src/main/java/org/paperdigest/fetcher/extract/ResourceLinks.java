package org.paperdigest.fetcher.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperdigest.events.FullText;
import org.paperdigest.events.Page;
import org.paperdigest.events.ResourceLink;

/**
 * The URLs a paper gives for its own code, data, models and project page: every web URL in its abstract and in its
 * full text before the reference list (whose URLs are other works'), each once with the sentence it stands in.
 * Links to papers and citation services are left out. A URL that PDF extraction broke at a line end is joined with
 * the next line only when that line clearly continues it.
 */
public final class ResourceLinks {

    static final int MOST_LINKS = 10;
    static final int LONGEST_SENTENCE = 300;

    /** With a scheme, or one of the code and model hosts papers often write without one. */
    private static final Pattern URL = Pattern.compile(
            "https?://[^\\s<>\"“”‘’{}|\\\\^`]+|(?<![\\w./@-])(?:www\\.)?(?:github\\.com|gitlab\\.com|huggingface\\.co)/[^\\s<>\"“”‘’{}|\\\\^`]+");
    /** What may follow a URL broken at a line end: one run of URL characters. */
    private static final Pattern CONTINUATION = Pattern.compile("[A-Za-z0-9._~%/\\-?=&#+:]+");
    /** Characters a URL does not end with, so a line break after one is inside the URL. */
    private static final String OPEN_ENDS = "-_=&?#%~";
    /** Characters that only a URL's remainder has inside it, never an ordinary word. */
    private static final Pattern URL_LIKE = Pattern.compile(".[/\\-_.=?&#%~].");
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"”’>";
    private static final Pattern REFERENCES = Pattern.compile(
            "(?m)^\\s*(?:\\d+\\.?\\s*)?(?:References|REFERENCES|Bibliography|BIBLIOGRAPHY)\\s*$");
    /** A footnote's first line: its marker (a number or a symbol) glued to its first word. */
    private static final Pattern FOOTNOTE = Pattern.compile("\\s*(?:\\d{1,2}|[*†‡§])\\p{L}");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)");
    /** Papers, citations and profiles: where a paper's text points at other works or people, not its resources. */
    private static final Set<String> NOT_RESOURCES = Set.of("arxiv.org", "export.arxiv.org", "doi.org", "dx.doi.org",
            "creativecommons.org", "openreview.net", "aclanthology.org", "proceedings.neurips.cc", "papers.nips.cc",
            "proceedings.mlr.press", "openaccess.thecvf.com", "dl.acm.org", "ieeexplore.ieee.org", "twitter.com",
            "x.com", "linkedin.com", "orcid.org", "scholar.google.com", "semanticscholar.org", "w3.org");

    private ResourceLinks() {
    }

    /** The links of the abstract, then of the full text's pages in order, at most {@link #MOST_LINKS}. */
    public static List<ResourceLink> find(String abstractText, FullText fullText) {
        Map<String, ResourceLink> found = new LinkedHashMap<>();
        collect(abstractText, null, found);
        if (fullText != null && fullText.pages() != null) {
            for (Page page : fullText.pages()) {
                Matcher references = REFERENCES.matcher(page.text());
                boolean last = references.find();
                collect(last ? page.text().substring(0, references.start()) : page.text(),
                        fullText.paged() ? page.number() : null, found);
                if (last) {
                    break;
                }
            }
        }
        return found.values().stream().limit(MOST_LINKS).toList();
    }

    private static void collect(String text, Integer page, Map<String, ResourceLink> found) {
        if (text == null || text.isBlank()) {
            return;
        }
        String joined = joinBrokenUrls(text);
        Matcher m = URL.matcher(joined);
        while (m.find()) {
            String url = trim(m.group());
            String absolute = url.startsWith("http") ? url : "https://" + url;
            String key = key(absolute);
            if (key == null || found.containsKey(key)) {
                continue;
            }
            found.put(key, new ResourceLink(absolute, sentence(joined, m.start(), m.start() + url.length()), page));
        }
    }

    /** Removes the line break inside each URL that PDF extraction broke where the next line clearly continues it. */
    static String joinBrokenUrls(String text) {
        String t = text;
        Matcher m = URL.matcher(t);
        int from = 0;
        while (m.find(from)) {
            int start = m.start();
            int end = m.end();
            from = end;
            if (end < t.length() && t.charAt(end) == '\n') {
                Matcher next = CONTINUATION.matcher(t).region(end + 1, t.length());
                if (next.lookingAt() && continues(m.group(), next.group())) {
                    t = t.substring(0, end) + t.substring(end + 1);
                    m = URL.matcher(t);
                    // The joined URL may be broken again at its new end.
                    from = start;
                }
            }
        }
        return t;
    }

    private static boolean continues(String url, String next) {
        char last = url.charAt(url.length() - 1);
        if (OPEN_ENDS.indexOf(last) >= 0) {
            return true;
        }
        return (last == '/' || last == '.') && URL_LIKE.matcher(next).find();
    }

    /** A URL ends before trailing sentence punctuation and before a closing bracket it did not open. */
    static String trim(String url) {
        String u = url;
        while (!u.isEmpty()) {
            char last = u.charAt(u.length() - 1);
            boolean unbalanced = last == ')' && count(u, '(') < count(u, ')')
                    || last == ']' && count(u, '[') < count(u, ']');
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0 || unbalanced) {
                u = u.substring(0, u.length() - 1);
            } else {
                break;
            }
        }
        return u;
    }

    /** The URL with its host in lower case and no trailing slash, or null when it is no resource of the paper. */
    private static String key(String url) {
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            if (host == null || !host.contains(".")) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            String bare = host.startsWith("www.") ? host.substring(4) : host;
            if (NOT_RESOURCES.contains(bare) || bare.equals("github.com") && pathOf(uri).isEmpty()) {
                return null;
            }
            return bare + pathOf(uri).replaceAll("/+$", "") + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String pathOf(URI uri) {
        return uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("^/$", "");
    }

    /**
     * The sentence around the URL, cut around it with … where it runs long; a footnote ({@code 2Data and code: …})
     * starts at its marker, not inside the paragraph its page put before it.
     */
    private static String sentence(String text, int start, int end) {
        int from = 0;
        Matcher endOfSentence = SENTENCE_END.matcher(text);
        while (endOfSentence.find() && endOfSentence.end() <= start) {
            from = endOfSentence.end();
        }
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        if (lineStart > from && FOOTNOTE.matcher(text).region(lineStart, start).lookingAt()) {
            from = lineStart;
        }
        String flat = text.replaceAll("\\s", " ");
        int to = flat.length();
        if (endOfSentence.find(end)) {
            to = endOfSentence.end();
        }
        String sentence = flat.substring(from, to).strip().replaceAll(" +", " ");
        if (sentence.length() <= LONGEST_SENTENCE) {
            return sentence;
        }
        int half = (LONGEST_SENTENCE - (end - start)) / 2;
        int a = Math.max(from, start - Math.max(half, 0));
        int b = Math.min(to, end + Math.max(half, 0));
        String cut = flat.substring(a, b).strip().replaceAll(" +", " ");
        return (a > from ? "…" : "") + cut + (b < to ? "…" : "");
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}

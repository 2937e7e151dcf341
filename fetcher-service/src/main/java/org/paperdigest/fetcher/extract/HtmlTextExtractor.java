package org.paperdigest.fetcher.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.paperdigest.events.FlaggedPassage;
import org.paperdigest.events.Page;
import org.paperdigest.fetcher.domain.Document;

/**
 * Extracts the main text of a web page (a blog post or project page a list row links to instead of a PDF).
 *
 * <p>Navigation, site headers, footers, sidebars, forms, scripts and styles are dropped; the main text is the page's
 * {@code <article>} or {@code <main>} when it has one, else the element holding the most paragraph text. Blocks
 * (headings, paragraphs, list items) become lines separated by blank lines, so quotes can be matched later. A web
 * page has no pages: the whole text is one page-less {@link Page} numbered 1, whose quotes cite sections. arXiv's
 * own HTML rendering of a paper is read the same way once {@link ArxivHtml} has prepared it ({@link HtmlPageMap}
 * finds its blocks' pages in the paper's PDF). The total is capped
 * like a PDF's. Text the page's markup hides from readers is left out and kept apart ({@link HiddenHtml}).
 */
public final class HtmlTextExtractor {

    /** Elements that are never part of a page's own text. */
    private static final String CHROME = "script, style, noscript, template, nav, footer, aside, form, "
            + "iframe, svg, canvas, button, select, dialog, [role=navigation], [role=banner], [role=contentinfo], "
            + "[role=complementary], [aria-hidden=true]";

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
            "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "pre", "blockquote", "figure", "figcaption", "table", "tr",
            "br", "hr", "caption");

    private static final Pattern CHARSET = Pattern.compile("charset=\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    private final int maxChars;

    public HtmlTextExtractor(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive");
        }
        this.maxChars = maxChars;
    }

    /**
     * Parses a downloaded page; the charset comes from the Content-Type, else the page's own meta tag, else UTF-8.
     *
     * @param url the page's address, against which relative links in it are resolved
     */
    public static org.jsoup.nodes.Document parse(byte[] body, String contentType, String url) {
        String charset = charsetOf(contentType).orElse(null);
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset, url);
        } catch (IOException e) {
            // Reading from memory cannot fail short of a bug.
            throw new UncheckedIOException(e);
        }
    }

    /** The main text of a web page. */
    public ExtractedText extract(org.jsoup.nodes.Document page) throws UnreadableDocumentException {
        return extract(mainElement(withoutChrome(page)),
                "full text read from a web page: it has no page numbers, so quotes cite sections");
    }

    /**
     * The text of arXiv's HTML rendering of a paper: its sections with their numbered headings and its math as TeX.
     *
     * @throws UnreadableDocumentException when the page is not such a rendering (or has no text)
     */
    public ExtractedText extractArxivRendering(org.jsoup.nodes.Document page) throws UnreadableDocumentException {
        return extract(ArxivHtml.paper(withoutChrome(page)),
                "full text read from arXiv's HTML rendering");
    }

    private static org.jsoup.nodes.Document withoutChrome(org.jsoup.nodes.Document page) {
        org.jsoup.nodes.Document copy = page.clone();
        copy.select(CHROME).remove();
        // A site's header is chrome; an article's own header holds its title and byline.
        copy.select("header").stream().filter(header -> header.parents().stream()
                .noneMatch(parent -> parent.nameIs("article"))).forEach(Element::remove);
        return copy;
    }

    private ExtractedText extract(Element root, String sourceNote) throws UnreadableDocumentException {
        List<FlaggedPassage> hidden = HiddenHtml.removeFrom(root);
        HtmlTables.asRows(root);
        String text = render(root);
        if (text.isBlank()) {
            throw new UnreadableDocumentException("the page has no readable text");
        }
        List<String> notes = new ArrayList<>();
        notes.add(sourceNote);
        boolean truncated = false;
        if (text.length() > maxChars) {
            int cut = text.lastIndexOf(' ', maxChars);
            text = text.substring(0, cut > maxChars / 2 ? cut : maxChars).strip();
            truncated = true;
            notes.add("full text cut at " + maxChars + " characters");
        }
        return new ExtractedText(List.of(new Page(1, text)), 1, truncated, notes, hidden);
    }

    /** The page's article or main element, else the element with the most paragraph text, else the body. */
    static Element mainElement(org.jsoup.nodes.Document page) {
        for (String selector : List.of("article", "main", "[role=main]")) {
            Optional<Element> best = page.select(selector).stream()
                    .max(Comparator.comparingInt(element -> element.text().length()));
            if (best.isPresent() && !best.get().text().isBlank()) {
                return best.get();
            }
        }
        Element body = page.body();
        Element best = body;
        int bestLength = 0;
        for (Element candidate : body.select("div, section, td")) {
            int length = candidate.children().stream().filter(child -> child.nameIs("p"))
                    .mapToInt(child -> child.text().length()).sum();
            if (length > bestLength) {
                best = candidate;
                bestLength = length;
            }
        }
        return best;
    }

    private static String render(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int preformatted;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(preformatted > 0 ? text.getWholeText() : text.text());
                } else if (node instanceof Element element) {
                    preformatted += element.nameIs("pre") ? 1 : 0;
                    if (isBlock(element)) {
                        out.append('\n');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    preformatted -= element.nameIs("pre") ? 1 : 0;
                    if (isBlock(element)) {
                        out.append('\n');
                    }
                }
            }
        }, root);
        // One space between words, one blank line between blocks.
        List<String> paragraphs = new ArrayList<>();
        for (String block : out.toString().split("\\n")) {
            String line = block.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").strip();
            if (!line.isEmpty()) {
                paragraphs.add(line);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    private static boolean isBlock(Element element) {
        return BLOCKS.contains(element.normalName());
    }

    static Optional<String> charsetOf(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher matcher = CHARSET.matcher(contentType);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        return Charset.isSupported(name) ? Optional.of(name) : Optional.empty();
    }
}

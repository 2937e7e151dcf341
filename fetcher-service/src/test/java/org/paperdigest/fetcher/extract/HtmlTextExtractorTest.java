package org.paperdigest.fetcher.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Page;
import org.paperdigest.fetcher.Fixtures;
import org.paperdigest.fetcher.domain.Document;

class HtmlTextExtractorTest {

    private static final String BLOG_URL = "https://research.example/blog/scaling-multimodal-understanding/";

    private static org.jsoup.nodes.Document blogPost() {
        return HtmlTextExtractor.parse(Fixtures.bytes("pages/mirasol3b-blog-post.html"), "text/html; charset=UTF-8",
                BLOG_URL);
    }

    @Test
    void keepsTheArticleAndDropsThePageAroundIt() throws UnreadableDocumentException {
        ExtractedText text = new HtmlTextExtractor(400_000).extract(blogPost());
        assertEquals(1, text.pageCount());
        assertEquals(1, text.pages().size());
        Page page = text.pages().get(0);
        assertEquals(1, page.number());
        List<String> blocks = List.of(page.text().split("\n\n"));
        assertEquals(8, blocks.size(), page.text());
        assertEquals("Scaling multimodal understanding to long videos", blocks.get(0));
        assertEquals("November 14, 2023", blocks.get(1));
        assertEquals("Posted by Isaac Noble, Software Engineer, Google Research, and Anelia Angelova, Research "
                + "Scientist, Google DeepMind", blocks.get(2));
        assertTrue(blocks.get(3).startsWith("When building machine learning models for real-life applications, "),
                blocks.get(3));
        assertTrue(blocks.get(3).endsWith("This problem is exacerbated for longer video inputs."), blocks.get(3));
        assertTrue(blocks.get(4).startsWith("In “Mirasol3B: A Multimodal Autoregressive model for time-aligned and "
                + "contextual modalities”, we introduce a multimodal autoregressive model (Mirasol3B) for learning "
                + "across audio, video, and text modalities."), blocks.get(4));
        assertEquals("Approach", blocks.get(5));
        assertEquals("An autoregressive component for the time-synchronized modalities (audio and video).",
                blocks.get(6));
        assertEquals("A separate autoregressive component for sequential, non-aligned modalities such as text.",
                blocks.get(7));
        for (String chrome : List.of("Research Blog", "Related posts", "Subscribe", "cookies", "gtag", "headline",
                "Privacy", "Publications", "analytics")) {
            assertFalse(page.text().contains(chrome), chrome + " leaked into the text");
        }
        assertFalse(text.truncated());
        assertEquals(List.of("full text read from a web page: it has no page numbers, so quotes cite sections"),
                text.notes());
    }

    @Test
    void withoutAnArticleTheLargestRunOfParagraphsIsTheText() throws UnreadableDocumentException {
        String html = """
                <html><body>
                  <div id="menu"><p>Home</p><p>About</p></div>
                  <div id="content"><div class="wrapper">
                    <p>First paragraph of the post, long enough to be the text.</p>
                    <p>Second&nbsp;paragraph, with   extra   spaces.</p>
                  </div></div>
                  <div id="legal"><p>© 2024</p></div>
                </body></html>""";
        ExtractedText text = new HtmlTextExtractor(400_000).extract(HtmlTextExtractor.parse(
                html.getBytes(StandardCharsets.UTF_8), "text/html", "https://blog.example/post"));
        assertEquals("First paragraph of the post, long enough to be the text.\n\n"
                + "Second paragraph, with extra spaces.", text.pages().get(0).text());
    }

    @Test
    void capsTheTextAtAWordBoundaryWithANote() throws UnreadableDocumentException {
        String html = "<article><p>" + "word ".repeat(100) + "</p></article>";
        ExtractedText text = new HtmlTextExtractor(42).extract(HtmlTextExtractor.parse(
                html.getBytes(StandardCharsets.UTF_8), "text/html", "https://blog.example/post"));
        assertTrue(text.truncated());
        assertEquals("word word word word word word word word", text.pages().get(0).text());
        assertEquals("full text cut at 42 characters", text.notes().get(1));
    }

    @Test
    void aPageWithNothingToReadIsUnreadable() {
        String html = "<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>";
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> new HtmlTextExtractor(400_000).extract(HtmlTextExtractor.parse(
                        html.getBytes(StandardCharsets.UTF_8), "text/html", "https://blog.example/post")));
        assertEquals("the page has no readable text", e.getMessage());
    }

    @Test
    void theCharsetOfTheContentTypeWins() throws UnreadableDocumentException {
        byte[] latin1 = "<article><p>Café crème</p></article>".getBytes(StandardCharsets.ISO_8859_1);
        ExtractedText text = new HtmlTextExtractor(400_000).extract(
                HtmlTextExtractor.parse(latin1, "text/html; charset=ISO-8859-1", "https://blog.example/post"));
        assertEquals("Café crème", text.pages().get(0).text());
        assertEquals("utf-8", HtmlTextExtractor.charsetOf("text/html; charset=\"UTF-8\"").orElseThrow());
        assertTrue(HtmlTextExtractor.charsetOf("text/html; charset=no-such-charset").isEmpty());
    }

    @Test
    void readsArxivsRenderingAsSectionsWithMathAsTex() throws UnreadableDocumentException {
        org.jsoup.nodes.Document page = HtmlTextExtractor.parse(
                Fixtures.bytes("arxiv-html/built_2311.12022v1_latexml-shape.html"), "text/html; charset=utf-8",
                "https://arxiv.org/html/2311.12022v1");
        ExtractedText text = new HtmlTextExtractor(400_000).extractArxivRendering(page);

        List<String> blocks = List.of(text.pages().get(0).text().split("\n\n"));
        assertEquals("GPQA: A Graduate-Level Google-Proof Q&A Benchmark", blocks.get(0));
        assertEquals("Abstract", blocks.get(1));
        assertTrue(blocks.get(2).startsWith("We present GPQA, a challenging dataset of 448 multiple-choice"));
        // Numbered headings on lines of their own: what the Q&A chunker takes as sections.
        assertTrue(blocks.contains("1 Introduction"), blocks.toString());
        assertTrue(blocks.contains("2 Data Collection"), blocks.toString());
        assertTrue(blocks.contains("2.1 The Collection Pipeline"), blocks.toString());
        String all = String.join("\n", blocks);
        assertTrue(all.contains("experts achieve $65\\%$ accuracy, and GPT-4"), all);
        assertTrue(all.contains("$$p_{\\text{random}}=\\frac{1}{4}$$"), all);
        // A footnote follows its paragraph on a line of its own, with its marker.
        int footnote = blocks.indexOf("2 We request that you do not reveal examples from this dataset in plain text or "
                + "images online.");
        assertTrue(footnote > 0, blocks.toString());
        assertTrue(blocks.get(footnote - 1).startsWith("With this goal in mind, we present GPQA"), blocks.toString());
        assertTrue(blocks.get(footnote - 1).contains("biology.2 The questions"), blocks.get(footnote - 1));
        for (String dropped : List.of("Back to arXiv", "Generated by LaTeXML", "References", "Amodei et al.",
                "\\citeauthor", "David Rein", "sitewide")) {
            assertFalse(all.contains(dropped), dropped + " should not be in the text");
        }
        assertEquals(List.of("full text read from arXiv's HTML rendering"), text.notes());
    }

    @Test
    void readsARenderedTableAsItsCaptionThenRowsOfCells() throws Exception {
        ExtractedText text = new HtmlTextExtractor(400_000).extractArxivRendering(layoutPaper("paper-a"));
        List<String> blocks = List.of(text.pages().get(0).text().split("\n\n"));
        int caption = blocks.indexOf("Table 1: Recall and cost of three settings. The student model retrieves the "
                + "reward signal with human feedback.");
        assertTrue(caption >= 0, blocks.toString());
        assertEquals(List.of("Setting | Recall | Cost", "Retrieval baseline | 68.2 | 40.7",
                "Dense reranker | 56.1 | 30.3", "Sparse filter | 83.2 | 43.3"), blocks.subList(caption + 1, caption + 5));
        // Display equations are laid out in tables too; they stay TeX.
        assertTrue(blocks.stream().anyMatch(block -> block.startsWith("$$\\mathcal{L}_{1}")), blocks.toString());
        assertTrue(blocks.contains("1 Code and data: https://github.com/example/paper-a."), blocks.toString());
    }

    @Test
    void aWebPagesDataTableComesAsRowsAndALayoutTableAsItsText() throws UnreadableDocumentException {
        String paragraph = "This post explains the model in words, ".repeat(10).strip();
        String html = "<article><table><tr><td><p>" + paragraph + "</p></td><td>Menu</td></tr></table>"
                + "<table><caption>Table 1: Scores</caption><thead><tr><th>Model</th><th>Score</th></tr></thead>"
                + "<tbody><tr><td>A</td><td>1.0</td></tr></tbody></table></article>";
        ExtractedText text = new HtmlTextExtractor(400_000).extract(HtmlTextExtractor.parse(
                html.getBytes(StandardCharsets.UTF_8), "text/html", "https://blog.example/post"));
        assertEquals(List.of(paragraph, "Menu", "Table 1: Scores", "Model | Score", "A | 1.0"),
                List.of(text.pages().get(0).text().split("\n\n")));
    }

    /** A LaTeXML rendering of one of the layout test papers (layout/make.py). */
    static org.jsoup.nodes.Document layoutPaper(String name) throws java.io.IOException {
        try (var in = HtmlTextExtractorTest.class.getResourceAsStream("/layout/" + name + ".html")) {
            return HtmlTextExtractor.parse(in.readAllBytes(), "text/html; charset=utf-8",
                    "https://arxiv.org/html/" + name);
        }
    }

    @Test
    void aPageThatIsNotArxivsRenderingIsRefused() {
        UnreadableDocumentException refused = assertThrows(UnreadableDocumentException.class,
                () -> new HtmlTextExtractor(400_000).extractArxivRendering(blogPost()));
        assertTrue(refused.getMessage().contains("not an arXiv HTML rendering"), refused.getMessage());
    }
}

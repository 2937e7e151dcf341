package org.paperdigest.publisher.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.paperdigest.publisher.PageSafety;

class IssueIntroTest {

    private static final String HOSTILE = "Our *digest*. <script>alert(1)</script> <img src=x onerror=alert(2)>"
            + " [a](javascript:alert(3)) [ok](https://example.org/about) <https://example.org/x>";

    @Test
    void configuredMarkdownBecomesHtmlWithoutMarkupOfItsOwn() {
        Document html = Jsoup.parseBodyFragment(IssueIntro.html(HOSTILE));
        PageSafety.assertNothingExecutable(html);
        assertEquals("digest", html.selectFirst("em").text());
        assertEquals(2, html.select("a[href^=https://example.org/]").size(), html.toString());
        assertTrue(html.text().contains("<script>alert(1)</script>"), "raw HTML is shown as text: " + html.text());
    }

    @Test
    void theMarkdownKeepsLinksButEscapesRawHtml() {
        String markdown = IssueIntro.escapeRawHtml(HOSTILE);
        MarkdownTree tree = MarkdownTree.parse(markdown);
        assertTrue(MarkdownTree.all(tree.document(), org.commonmark.node.HtmlInline.class).isEmpty(), markdown);
        assertTrue(markdown.contains("<https://example.org/x>"), markdown);
    }

    @Test
    void theDefaultsAreOurOwnAndOnlyTheWeeklyOneNamesTheList() {
        assertTrue(IssueIntro.DEFAULT_WEEKLY.contains("Top ML Papers of the Week"));
        assertFalse(IssueIntro.DEFAULT_CUSTOM.contains("Top ML Papers of the Week"));
        assertFalse(IssueIntro.DEFAULT_WEEKLY.contains("chatpdf"), "not the earlier system's paragraph");
    }
}

package org.paperdigest.fetcher.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Prepares arXiv's HTML rendering of a paper (made by LaTeXML: an {@code article.ltx_document} with
 * {@code ltx_section} sections whose headings carry their numbers) for text extraction. Math becomes its TeX source,
 * which LaTeXML keeps in each {@code <math alttext>}, so formulas read as the authors wrote them instead of as
 * MathML fragments; footnotes follow their paragraph; the bibliography and LaTeXML's
 * conversion-error marks are left out.
 */
final class ArxivHtml {

    private static final String NOT_TEXT = ".ltx_bibliography, .ltx_ERROR, .ltx_authors, .ltx_page_footer, "
            + ".ltx_page_logo";

    private ArxivHtml() {
    }

    /** The paper's article, prepared in place; {@code page} must be a copy the caller may change. */
    static Element paper(Document page) throws UnreadableDocumentException {
        Element article = page.selectFirst("article.ltx_document");
        if (article == null) {
            throw new UnreadableDocumentException("the page is not an arXiv HTML rendering (no ltx_document)");
        }
        article.select(NOT_TEXT).remove();
        footnotesAfterTheirParagraph(article);
        for (Element math : article.select("math")) {
            String tex = math.attr("alttext").strip();
            String delimiter = "block".equals(math.attr("display")) ? "$$" : "$";
            math.replaceWith(new TextNode(tex.isEmpty() ? math.text() : delimiter + tex + delimiter));
        }
        return article;
    }

    /**
     * A footnote's body leaves the sentence it interrupts and follows the paragraph as a line of its own, opening with
     * its marker ("1 Code and data: https://…"); the marker stays in the sentence.
     */
    private static void footnotesAfterTheirParagraph(Element article) {
        for (Element note : article.select(".ltx_note")) {
            Element outer = note.selectFirst(".ltx_note_outer");
            if (outer == null) {
                continue;
            }
            outer.remove();
            Element mark = note.selectFirst(".ltx_note_mark");
            outer.select(".ltx_note_mark, .ltx_tag_note").remove();
            String text = ((mark == null ? "" : mark.text() + " ") + outer.text()).strip();
            Element paragraph = note.closest(".ltx_para, p, li, figure");
            if (text.isEmpty() || paragraph == null) {
                continue;
            }
            paragraph.after(new Element("p").addClass("ltx_footnote").text(text));
        }
    }
}

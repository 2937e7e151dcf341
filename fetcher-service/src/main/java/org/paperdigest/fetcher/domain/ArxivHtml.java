package org.paperdigest.fetcher.domain;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Prepares arXiv's HTML rendering of a paper (made by LaTeXML: an {@code article.ltx_document} with
 * {@code ltx_section} sections whose headings carry their numbers) for text extraction. Math becomes its TeX source,
 * which LaTeXML keeps in each {@code <math alttext>}, so formulas read as the authors wrote them instead of as
 * MathML fragments; the bibliography, footnote bodies and LaTeXML's conversion-error marks are left out.
 */
final class ArxivHtml {

    private static final String NOT_TEXT = ".ltx_bibliography, .ltx_note_outer, .ltx_ERROR, .ltx_authors, "
            + ".ltx_page_footer, .ltx_page_logo";

    private ArxivHtml() {
    }

    /** The paper's article, prepared in place; {@code page} must be a copy the caller may change. */
    static Element paper(Document page) throws UnreadableDocumentException {
        Element article = page.selectFirst("article.ltx_document");
        if (article == null) {
            throw new UnreadableDocumentException("the page is not an arXiv HTML rendering (no ltx_document)");
        }
        article.select(NOT_TEXT).remove();
        for (Element math : article.select("math")) {
            String tex = math.attr("alttext").strip();
            String delimiter = "block".equals(math.attr("display")) ? "$$" : "$";
            math.replaceWith(new TextNode(tex.isEmpty() ? math.text() : delimiter + tex + delimiter));
        }
        return article;
    }
}

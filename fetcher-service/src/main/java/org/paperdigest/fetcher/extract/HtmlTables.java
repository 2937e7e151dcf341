package org.paperdigest.fetcher.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/**
 * Turns the data tables of a web page into lines a reader can follow: the caption first ("Table 2: …"), then one
 * line per row, header rows first, cells separated by {@value #CELL_SEPARATOR}. Tables that only lay out a display
 * equation (LaTeXML sets equations in {@code ltx_eqn_table}s) or a page (cells of paragraphs) stay as they are.
 */
final class HtmlTables {

    static final String CELL_SEPARATOR = " | ";
    private static final int LONGEST_CELL_WORDS = 60;

    private HtmlTables() {
    }

    /** Rewrites, in place, every outermost data table under {@code root} as a caption paragraph and row paragraphs. */
    static void asRows(Element root) {
        for (Element table : root.select("table")) {
            if (isLayout(table) || table.parents().stream().anyMatch(parent -> parent.nameIs("table"))) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            Element figure = table.parent() != null && table.parent().nameIs("figure") ? table.parent() : null;
            Element caption = table.selectFirst("caption");
            if (caption == null && figure != null) {
                caption = figure.selectFirst("figcaption");
            }
            if (caption != null) {
                lines.add(caption.text());
                caption.remove();
            }
            for (Element row : table.select("tr")) {
                if (row.parents().stream().filter(parent -> parent.nameIs("table")).findFirst().orElse(null) != table) {
                    continue;
                }
                String cells = row.children().stream().filter(cell -> cell.nameIs("td") || cell.nameIs("th"))
                        .map(cell -> cell.text().strip()).collect(Collectors.joining(CELL_SEPARATOR));
                if (!cells.replace(CELL_SEPARATOR, "").isBlank()) {
                    lines.add(cells);
                }
            }
            Element rows = new Element("div");
            lines.forEach(line -> rows.appendElement("p").text(line));
            table.replaceWith(rows);
        }
    }

    /** A table that lays out an equation or a page rather than holding data (a cell of paragraphs). */
    private static boolean isLayout(Element table) {
        return table.hasClass("ltx_eqn_table") || table.hasClass("ltx_equationgroup")
                || "presentation".equals(table.attr("role"))
                || table.select("td, th").stream()
                        .anyMatch(cell -> cell.text().split("\\s+").length > LONGEST_CELL_WORDS);
    }
}

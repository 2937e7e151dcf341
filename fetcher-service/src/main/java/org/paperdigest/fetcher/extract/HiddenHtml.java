package org.paperdigest.fetcher.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.paperdigest.events.FlaggedPassage;

/**
 * Takes out of an HTML page the text its markup hides from readers — the {@code hidden} attribute, and inline
 * styles with {@code display:none}, {@code visibility:hidden}, {@code opacity:0}, a font size under 2 pt, or white
 * or transparent text on no background of its own (arXiv's LaTeXML renders {@code \color{white}} so) — and records
 * each passage with the section it stands in.
 */
final class HiddenHtml {

    private static final Pattern HIDING = Pattern.compile(
            "display\\s*:\\s*none|visibility\\s*:\\s*(?:hidden|collapse)|opacity\\s*:\\s*0*(?:\\.0+)?\\s*(?:;|$)");
    private static final Pattern FONT_SIZE = Pattern.compile("font-size\\s*:\\s*([0-9.]+)\\s*(pt|px)?");
    private static final Pattern COLOUR = Pattern.compile("(?<![-\\w])color\\s*:\\s*([^;]+)");
    private static final Pattern BACKGROUND = Pattern.compile("background(?:-color)?\\s*:\\s*([^;]+)");
    private static final Pattern INVISIBLE_COLOUR = Pattern.compile(
            "white|transparent|#f{3}|#f{6}|#f{8}|rgba?\\(\\s*255\\s*,\\s*255\\s*,\\s*255\\s*(?:,\\s*[0-9.]+\\s*)?\\)"
                    + "|rgba\\([^)]*,\\s*0(?:\\.0+)?\\s*\\)");
    private static final String HEADINGS = "> h1, > h2, > h3, > h4, > h5, > h6";

    private HiddenHtml() {
    }

    /** Removes the hidden elements under {@code root} and returns their text, in the page's order. */
    static List<FlaggedPassage> removeFrom(Element root) {
        List<FlaggedPassage> hidden = new ArrayList<>();
        for (Element element : root.select("[hidden], [style]")) {
            if (element.parent() == null || !hides(element)) {
                continue; // removed with a hidden ancestor, or seen
            }
            String text = element.text().strip();
            if (!text.isEmpty()) {
                hidden.add(new FlaggedPassage(null, section(element), text, FlaggedPassage.Kind.HTML_HIDDEN, false));
            }
            element.remove();
        }
        return hidden;
    }

    private static boolean hides(Element element) {
        if (element.hasAttr("hidden")) {
            return true;
        }
        String style = element.attr("style").toLowerCase(Locale.ROOT);
        if (HIDING.matcher(style).find()) {
            return true;
        }
        Matcher size = FONT_SIZE.matcher(style);
        if (size.find() && points(size) < GlyphVisibility.TINY) {
            return true;
        }
        Matcher colour = COLOUR.matcher(style);
        return colour.find() && INVISIBLE_COLOUR.matcher(colour.group(1).strip()).matches()
                && !onBackground(element);
    }

    private static double points(Matcher size) {
        double value = Double.parseDouble(size.group(1).replaceAll("\\.$", ""));
        return "px".equals(size.group(2)) ? value * 0.75 : value;
    }

    /** Whether the element or an ancestor sets a background that is not white (white text on a dark box is seen). */
    private static boolean onBackground(Element element) {
        for (Element at = element; at != null; at = at.parent()) {
            Matcher background = BACKGROUND.matcher(at.attr("style").toLowerCase(Locale.ROOT));
            if (background.find()) {
                return !INVISIBLE_COLOUR.matcher(background.group(1).strip()).matches();
            }
        }
        return false;
    }

    /** The heading of the nearest enclosing section, or null. */
    private static String section(Element element) {
        for (Element at = element.parent(); at != null; at = at.parent()) {
            Element heading = at.selectFirst(HEADINGS);
            if (heading != null && heading != element) {
                return heading.text().strip();
            }
        }
        return null;
    }
}

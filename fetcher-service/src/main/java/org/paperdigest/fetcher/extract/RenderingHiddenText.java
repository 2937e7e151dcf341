package org.paperdigest.fetcher.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.paperdigest.events.FlaggedPassage;
import org.paperdigest.events.Page;

/**
 * What an HTML rendering shows of the text its PDF hides. LaTeXML renders white text as a style the rendering can
 * see, but drops a 1 pt size, the invisible rendering mode, text set beyond the page's edge and the shape painted
 * over text: the rendering prints all of that as ordinary text. So the passages the PDF hides are taken out of the
 * rendering's text too, wherever their letters stand in it (whatever spaces, hyphens or punctuation lie between).
 */
public final class RenderingHiddenText {

    private static final Pattern LETTERS = Pattern.compile("[\\p{L}\\p{N}]+");

    /** The rendering's pages and its hidden passages with the PDF's. */
    public record Merged(List<Page> pages, List<FlaggedPassage> hidden) {
    }

    private RenderingHiddenText() {
    }

    /**
     * The rendering's pages without any passage the PDF hides; the hidden passages are the PDF's (with their pages)
     * and those of the rendering's own the PDF did not find.
     */
    public static Merged merge(List<Page> rendering, List<FlaggedPassage> renderingHidden,
            List<FlaggedPassage> pdfHidden) {
        List<Page> pages = new ArrayList<>(rendering);
        for (FlaggedPassage passage : pdfHidden) {
            Pattern letters = lettersOf(passage.text());
            if (letters == null) {
                continue;
            }
            pages.replaceAll(page -> new Page(page.number(),
                    letters.matcher(page.text()).replaceAll("").replaceAll("[ \\t]{2,}", " ")));
        }
        String pdfLetters = pdfHidden.stream().map(passage -> squeezed(passage.text()))
                .collect(Collectors.joining(" "));
        List<FlaggedPassage> hidden = new ArrayList<>(pdfHidden);
        renderingHidden.stream().filter(passage -> !pdfLetters.contains(squeezed(passage.text())))
                .forEach(hidden::add);
        return new Merged(pages, hidden);
    }

    /** The passage's letters and digits in order, anything but letters between them; null for a passage too short
     * to find safely (a word or two could stand anywhere in the text). */
    private static Pattern lettersOf(String text) {
        List<String> runs = new ArrayList<>();
        Matcher m = LETTERS.matcher(text);
        while (m.find()) {
            runs.add(Pattern.quote(m.group()));
        }
        if (runs.size() < 3) {
            return null;
        }
        return Pattern.compile(String.join("[^\\p{L}\\p{N}]*", runs), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String squeezed(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
    }
}

package org.paperdigest.publisher.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts untrusted text (titles, abstracts, answers, quotes, reasons) into CommonMark so that it reads back as
 * the same text: characters that would start emphasis, links, HTML, code or a block are backslash-escaped,
 * and nothing else is touched, so ordinary text stays byte for byte. TeX math ({@code $…$}) is kept as written,
 * as renderers with math read it, unless it holds something that could make markup.
 */
public final class MarkdownText {

    /** Inline characters that can open a construct anywhere in a line. */
    private static final String ALWAYS_ESCAPED = "\\`*_[]<~|";
    /** {@code &amp;}, {@code &#42;}, {@code &#x2A;}: only an {@code &} that starts a reference needs escaping. */
    private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");
    /**
     * Line starts that make a block and are not escaped anyway: bullet, setext underline, quote. ({@code #},
     * fences, {@code *} and {@code _} rules are covered by the characters escaped everywhere.)
     */
    private static final Pattern BLOCK_START = Pattern.compile("^[-+=>]");
    private static final Pattern ORDERED_MARKER = Pattern.compile("^(\\d{1,9})([.)])");
    /** A URL CommonMark keeps byte for byte inside {@code <…>}: scheme, no spaces, no angle brackets. */
    private static final Pattern AUTOLINKABLE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\\s<>\\p{Cntrl}]*$");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\R");
    private static final Pattern BLANK_LINES = Pattern.compile("\\R[ \\t]*\\R\\s*");
    /** TeX math as abstracts write it, {@code $30\\%$} or {@code $$…$$}, not opening or closing on a space. */
    private static final Pattern MATH = Pattern.compile("\\$\\$[^$]+?\\$\\$|\\$[^$\\s](?:[^$]*?[^$\\s\\\\])?\\$");
    /** What would make markup of a math span in a renderer without math: HTML, entities, code, a link target. */
    private static final Pattern UNSAFE_IN_MATH = Pattern.compile("[<>`&]|\\]\\(");

    private MarkdownText() {
    }

    /** One line of text: line breaks become spaces. Safe at the start of a line and after a list marker. */
    public static String inline(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = LINE_BREAKS.matcher(withoutControls(text)).replaceAll(" ").strip();
        return escapeLine(oneLine);
    }

    /**
     * Multi-paragraph text: blank lines separate paragraphs, single line breaks stay soft breaks. Every line is
     * escaped as a line start, so no line of the text can become a heading, list, quote or code block.
     */
    public static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        if (text == null) {
            return paragraphs;
        }
        for (String paragraph : BLANK_LINES.split(withoutControls(text).strip())) {
            List<String> lines = new ArrayList<>();
            for (String line : LINE_BREAKS.split(paragraph)) {
                String stripped = line.strip();
                if (!stripped.isEmpty()) {
                    lines.add(escapeLine(stripped));
                }
            }
            if (!lines.isEmpty()) {
                paragraphs.add(String.join("\n", lines));
            }
        }
        return paragraphs;
    }

    /** A URL as an autolink, byte for byte; a string that cannot be one is shown as escaped text. */
    public static String url(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String trimmed = url.strip();
        return AUTOLINKABLE.matcher(trimmed).matches() ? "<" + trimmed + ">" : inline(trimmed);
    }

    private static String escapeLine(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        Matcher math = MATH.matcher(line);
        int mathStart = math.find() ? math.start() : -1;
        for (int i = 0; i < line.length(); i++) {
            if (i == mathStart) {
                // Math renderers (GitHub's among them) read a span as TeX, so it stays as written: an escape added
                // here would be TeX there. A span that could make markup elsewhere is escaped like other text.
                if (!UNSAFE_IN_MATH.matcher(math.group()).find()) {
                    out.append(math.group());
                    i = math.end() - 1;
                    mathStart = math.find() ? math.start() : -1;
                    continue;
                }
                mathStart = math.find(math.end()) ? math.start() : -1;
            }
            char c = line.charAt(i);
            if (ALWAYS_ESCAPED.indexOf(c) >= 0 || c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                out.append('\\');
            }
            out.append(c);
        }
        String escaped = ENTITY.matcher(out).replaceAll("\\\\&");
        Matcher ordered = ORDERED_MARKER.matcher(escaped);
        if (ordered.find()) {
            // "2023. A year" would start an ordered list: escape the period, not the number.
            return ordered.group(1) + "\\" + ordered.group(2) + escaped.substring(ordered.end());
        }
        if (BLOCK_START.matcher(escaped).find()) {
            return "\\" + escaped;
        }
        return escaped;
    }

    private static String withoutControls(String text) {
        // NUL and other C0 controls other than line breaks and tabs have no business in reader-facing text.
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F]", "").replace('\t', ' ');
    }
}

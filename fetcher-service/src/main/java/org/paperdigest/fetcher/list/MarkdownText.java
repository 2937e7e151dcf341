package org.paperdigest.fetcher.list;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Markdown of a list cell as plain text: links keep their words, {@code <br>} becomes a newline. */
final class MarkdownText {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern STRONG = Pattern.compile("\\*\\*|__");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|&<>~])");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]+");

    private MarkdownText() {
    }

    static String plain(String markdown) {
        String text = LINK.matcher(markdown).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        text = BREAK.matcher(text).replaceAll("\n");
        text = STRONG.matcher(text).replaceAll("");
        text = ESCAPE.matcher(text).replaceAll("$1");
        text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ");
        return Arrays.stream(text.split("\n"))
                .map(line -> SPACES.matcher(line).replaceAll(" ").strip())
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}

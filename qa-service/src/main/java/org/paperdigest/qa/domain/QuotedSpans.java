package org.paperdigest.qa.domain;

import java.util.regex.Pattern;

/**
 * The passages a question or an answer quotes (「…」, 『…』, “…”, "…"): the paper's own words, which are neither our
 * reader's language nor a second ask nor talk about our plumbing, whatever they say.
 */
final class QuotedSpans {

    private static final Pattern QUOTED = Pattern.compile("「[^」]*」|『[^』]*』|“[^”]*”|\"[^\"]*\"");

    private QuotedSpans() {
    }

    /** {@code text} with every quoted passage replaced by {@code replacement}. */
    static String replaced(String text, String replacement) {
        return QUOTED.matcher(text).replaceAll(replacement);
    }
}

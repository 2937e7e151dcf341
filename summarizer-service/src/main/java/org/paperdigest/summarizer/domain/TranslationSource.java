package org.paperdigest.summarizer.domain;

import java.util.List;

/**
 * What is sent for translation: title and abstract with runs of whitespace folded (arXiv hard-wraps both; the
 * wrapping means nothing), and the spans the reply must keep.
 */
public record TranslationSource(String title, String abstractText, List<String> protectedSpans) {

    public static TranslationSource of(String title, String abstractText) {
        String t = fold(title);
        String a = fold(abstractText);
        return new TranslationSource(t, a, ProtectedSpans.find(t, a));
    }

    /** The abstract without its protected spans: what the translation's own words are measured against. */
    public String textOutsideSpans() {
        return withoutSpans(abstractText);
    }

    String withoutSpans(String text) {
        String rest = text;
        for (String span : protectedSpans.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            rest = rest.replace(span, " ");
        }
        return rest;
    }

    private static String fold(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}

package org.paperdigest.summarizer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paperdigest.testing.RecordedPapers;

class ProtectedSpansTest {

    @Test
    void findsTheUrlWithoutTheSentencesFullStopAndTheTitlesShortName() {
        TranslationSource gaia = source("2311.12983");

        assertEquals(List.of("GAIA", "https://huggingface.co/gaia-benchmark"), gaia.protectedSpans());
    }

    @Test
    void findsInlineLatexMath() {
        TranslationSource pass = source("2311.13581");

        assertEquals(List.of("$30\\%$", "$O(d_{emb})$"), pass.protectedSpans());
    }

    @Test
    void findsParenthesisedMathAndKeepsBalancedParenthesesInUrls() {
        List<String> spans = ProtectedSpans.find("A Study", "We bound it by \\(O(n^2)\\) (see https://en.wikipedia.org/wiki/Big_O_(notation)).");

        assertEquals(List.of("\\(O(n^2)\\)", "https://en.wikipedia.org/wiki/Big_O_(notation)"), spans);
    }

    @Test
    void protectsTheWholeTitleWhereTheAbstractQuotesIt() {
        List<String> spans = ProtectedSpans.find("System 2 Attention", "We call this System 2 Attention (S2A).");

        assertEquals(List.of("System 2 Attention"), spans);
    }

    @Test
    void aLongTitlePrefixIsNotAName() {
        assertEquals(Optional.empty(), ProtectedSpans.shortName(
                "Advancing Transformer Architecture in Long-Context Large Language Models: A Comprehensive Survey"));
        assertEquals(Optional.of("GPQA"), ProtectedSpans.shortName("GPQA: A Graduate-Level Google-Proof Q&A Benchmark"));
    }

    @Test
    void aNameInsideAnotherWordIsNotProtected() {
        assertTrue(ProtectedSpans.find("PaSS: Parallel Speculative Sampling", "It does not PaSSthrough.").isEmpty());
    }

    @Test
    void foldsArxivHardWrapping() {
        TranslationSource source = TranslationSource.of("GAIA:\n  a benchmark", "See\n  https://x.org/a  now.");

        assertEquals("GAIA: a benchmark", source.title());
        assertEquals("See https://x.org/a now.", source.abstractText());
    }

    static TranslationSource source(String arxivId) {
        JsonNode paper = RecordedPapers.json(arxivId);
        return TranslationSource.of(paper.get("title").asText(), paper.get("abstract").asText());
    }
}

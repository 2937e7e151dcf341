package org.paperdigest.qa.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuoteMatcherTest {

    /** Lines 17–19 of page 1 of the GPQA pdftotext output, as extraction left them. */
    static final String PAGE_TEXT = """
                                                          high-quality and extremely difficult: experts who have or are pursuing PhDs in the
                                                          corresponding domains reach 65% accuracy (74% when discounting clear mistakes
                                                          difficult for state-of-the-art AI systems, with our strongest GPT-4–based baseline
                                                          the experts identified in retrospect), “Google-proof”. The ﬁrst multi-
                                                          ple-choice set""";

    @Test
    void forgivesLineBreaksAndRunsOfSpaces() {
        assertTrue(QuoteMatcher.occursIn("experts who have or are pursuing PhDs in the corresponding domains reach 65% accuracy", PAGE_TEXT));
    }

    @Test
    void forgivesHyphenationDashesLigaturesAndCurlyQuotes() {
        assertTrue(QuoteMatcher.occursIn("our strongest GPT-4 based baseline", PAGE_TEXT));
        assertTrue(QuoteMatcher.occursIn("\"Google-proof\". The first multiple-choice set", PAGE_TEXT));
    }

    @Test
    void acceptsTheQuotationMarksAndEllipsesAModelAddsAround() {
        assertTrue(QuoteMatcher.occursIn("“…reach 65% accuracy (74% when discounting clear mistakes...”", PAGE_TEXT));
        assertEquals("reach 65% accuracy", QuoteMatcher.trimQuote("「...reach 65% accuracy」"));
    }

    @Test
    void aChangedNumberWordOrCaseIsNotTheText() {
        assertFalse(QuoteMatcher.occursIn("corresponding domains reach 75% accuracy", PAGE_TEXT));
        assertFalse(QuoteMatcher.occursIn("corresponding fields reach 65% accuracy", PAGE_TEXT));
        assertFalse(QuoteMatcher.occursIn("Corresponding domains reach 65% accuracy", PAGE_TEXT));
        assertFalse(QuoteMatcher.occursIn("  ", PAGE_TEXT));
    }
}

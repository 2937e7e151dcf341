package org.paperdigest.fetcher.source.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.fetcher.Fixtures;
import org.paperdigest.fetcher.extract.HtmlTextExtractor;

class PageMetadataTest {

    private static org.jsoup.nodes.Document blogPost() {
        return HtmlTextExtractor.parse(Fixtures.bytes("pages/mirasol3b-blog-post.html"), "text/html; charset=UTF-8",
                "https://research.example/blog/scaling-multimodal-understanding/");
    }

    @Test
    void readsCitationTagsFirst() {
        PageMetadata tags = PageMetadata.read(blogPost());
        assertEquals("Mirasol3B: A Multimodal Autoregressive model for time-aligned and contextual modalities",
                tags.title());
        assertEquals(List.of("Isaac Noble", "Anelia Angelova"), tags.authors());
        assertEquals(LocalDate.of(2023, 11, 14), tags.published());
        assertEquals("https://research.example/papers/mirasol3b.pdf", tags.pdfUrl());
        assertEquals("10.48550/arXiv.2311.05698", tags.doi());
        assertEquals("We introduce Mirasol3B, a multimodal autoregressive model for learning across audio, video, "
                + "and text modalities.", tags.abstractText());
        assertNull(tags.journal());
    }

    @Test
    void fallsBackToOpenGraphAndLeavesTheRestUnknown() {
        String html = """
                <html><head>
                  <meta property="og:title" content="Emu Video and Emu Edit">
                  <meta name="description" content="Two new research milestones.">
                  <meta property="article:published_time" content="2023-11-16T17:00:00Z">
                </head><body><article><p>Text.</p></article></body></html>""";
        PageMetadata tags = PageMetadata.read(HtmlTextExtractor.parse(html.getBytes(StandardCharsets.UTF_8),
                "text/html", "https://blog.example/emu"));
        assertEquals(new PageMetadata("Emu Video and Emu Edit", List.of(), "Two new research milestones.",
                LocalDate.of(2023, 11, 16), null, null, null), tags);

        PageMetadata none = PageMetadata.read(HtmlTextExtractor.parse(
                "<p>no tags</p>".getBytes(StandardCharsets.UTF_8), "text/html", "https://blog.example/x"));
        assertEquals(new PageMetadata(null, List.of(), null, null, null, null, null), none);
    }

    @Test
    void readsOnlyFullDatesAndRealDois() {
        assertEquals(LocalDate.of(2024, 2, 5), PageMetadata.date("2024/2/5").orElseThrow());
        assertTrue(PageMetadata.date("2024").isEmpty());
        assertTrue(PageMetadata.date("2024-02-30").isEmpty());
        assertEquals("10.1000/xyz123", PageMetadata.doi("https://doi.org/10.1000/xyz123").orElseThrow());
        assertTrue(PageMetadata.doi("not a doi").isEmpty());
    }
}

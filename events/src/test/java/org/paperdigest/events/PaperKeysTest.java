package org.paperdigest.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PaperKeysTest {

    @Test
    void arxivKeyDropsTheVersion() {
        assertEquals("arxiv:2311.13581", PaperKeys.arxiv("2311.13581v2"));
        assertEquals("arxiv:2311.13581", PaperKeys.arxiv("2311.13581"));
        assertEquals("arxiv:astro-ph/0601001", PaperKeys.arxiv("astro-ph/0601001v1"));
    }

    @Test
    void urlKeyIsStableAcrossSpellingsOfTheSameUrl() {
        String key = PaperKeys.url("https://ai.meta.com/blog/emu-text-to-video-generation-image-editing-research/");

        assertTrue(key.matches("url:[0-9a-f]{12}"), key);
        assertEquals(key, PaperKeys.url("https://AI.meta.com:443/blog/emu-text-to-video-generation-image-editing-research#top"));
        assertEquals(key, PaperKeys.url("http://ai.meta.com/blog/emu-text-to-video-generation-image-editing-research"));
        assertNotEquals(key, PaperKeys.url("https://ai.meta.com/blog/another-post/"));
    }
}

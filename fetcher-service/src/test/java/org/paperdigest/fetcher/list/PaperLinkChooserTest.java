package org.paperdigest.fetcher.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Link;
import org.paperdigest.events.PaperKeys;
import org.paperdigest.fetcher.Fixtures;
import org.paperdigest.fetcher.domain.ArxivId;
import org.paperdigest.fetcher.source.PaperSource;
import org.paperdigest.fetcher.source.PaperToRead;
import org.paperdigest.fetcher.source.NothingToRead;
import org.paperdigest.fetcher.source.arxiv.ArxivSource;
import org.paperdigest.fetcher.source.web.WebSource;

class PaperLinkChooserTest {

    @Test
    void readsEveryArxivUrlSpelling() {
        assertEquals(Optional.of(new ArxivId("2311.12022", null)), ArxivId.fromUrl("https://arxiv.org/abs/2311.12022"));
        assertEquals(Optional.of(new ArxivId("2311.07989", "v1")), ArxivId.fromUrl("https://arxiv.org/abs/2311.07989v1"));
        assertEquals(Optional.of(new ArxivId("2402.03300", "v3")), ArxivId.fromUrl("https://arxiv.org/abs/2402.03300v3"));
        assertEquals(Optional.of(new ArxivId("2312.00752", null)), ArxivId.fromUrl("https://arxiv.org/pdf/2312.00752"));
        assertEquals(Optional.of(new ArxivId("2312.00752", "v2")), ArxivId.fromUrl("https://arxiv.org/pdf/2312.00752v2.pdf"));
        assertEquals(Optional.of(new ArxivId("2506.08388", null)), ArxivId.fromUrl("https://www.arxiv.org/abs/2506.08388"));
        assertEquals(Optional.of(new ArxivId("2301.00704", null)), ArxivId.fromUrl("http://arxiv.org/abs/2301.00704"));
        assertEquals(Optional.of(new ArxivId("2401.00001", null)), ArxivId.fromUrl("https://arxiv.org/abs/2401.00001/"));
        assertEquals(Optional.of(new ArxivId("cs/0112017", null)), ArxivId.fromUrl("https://arxiv.org/abs/cs/0112017"));
        assertEquals(Optional.of(new ArxivId("math.GT/0309136", "v2")),
                ArxivId.fromUrl("https://arxiv.org/abs/math.GT/0309136v2"));
        assertEquals(Optional.of(new ArxivId("hep-th/9901001", null)), ArxivId.fromUrl("https://arxiv.org/pdf/hep-th/9901001"));
        assertEquals("arxiv:cs/0112017", new ArxivId("cs/0112017", "v1").paperKey());
        assertEquals("arxiv:2311.12022", new ArxivId("2311.12022", "v1").paperKey());

        assertEquals(Optional.empty(), ArxivId.fromUrl("https://arxiv.org/list/cs.CL/recent"));
        assertEquals(Optional.empty(), ArxivId.fromUrl("https://alphaxiv.org/abs/2311.12022"));
        assertEquals(Optional.empty(), ArxivId.fromUrl("https://arxiv.org.example.com/abs/2311.12022"));
        assertEquals(Optional.empty(), ArxivId.fromUrl("ftp://arxiv.org/abs/2311.12022"));
        assertEquals(Optional.empty(), ArxivId.fromUrl("not a url"));
    }

    @Test
    void prefersAnArxivLinkUnderAnyLabelAndKeepsItsVersion() {
        ListRow row = row(new Link("Paper", "https://ai.meta.com/research/publications/x/"),
                new Link("Code", "https://arxiv.org/abs/2311.08377v1"));
        PaperSource source = PaperLinkChooser.choose(row, "https://list#row");
        assertEquals(new ArxivSource(new ArxivId("2311.08377", "v1")), source);
        assertEquals("arxiv:2311.08377", source.paperKey());
    }

    @Test
    void otherwiseTakesThePaperLinkToAnotherHost() {
        String url = "https://ai.meta.com/blog/emu-text-to-video-generation-image-editing-research/";
        PaperSource source = PaperLinkChooser.choose(row(new Link("Paper", url),
                new Link("Tweet", "https://x.com/AIatMeta/status/1725184026154349007?s=20")), "https://list#row");
        assertEquals(new WebSource(url), source);
        assertEquals(PaperKeys.url(url), source.paperKey());
    }

    @Test
    void aRowWithoutPaperOrArxivLinkIsUnusableWithAReason() {
        ListRow valle = row(new Link("Project", "https://valle-demo.github.io/"),
                new Link("Tweet", "https://twitter.com/dair_ai/status/1612153097962328067"));
        PaperSource source = PaperLinkChooser.choose(valle, "https://list#row");
        NothingToRead unusable = assertInstanceOf(NothingToRead.class, source);
        assertEquals("the list row \"Title\" has no Paper link and no arXiv link (its links: Project, Tweet)",
                unusable.reason());
        assertEquals(PaperKeys.url("https://valle-demo.github.io/"), unusable.paperKey());

        PaperSource none = PaperLinkChooser.choose(row(), "https://list#2023-01-01-2");
        assertEquals(PaperKeys.url("https://list#2023-01-01-2"), none.paperKey());
        assertTrue(((NothingToRead) none).reason().contains("has no links"));
    }

    @Test
    void everyRowOfTheRecordedListGetsASourceAndMostAreArxiv() {
        WeeklyList list = ReadmeParser.parse(Fixtures.readme(), LocalDate.of(2026, 11, 23));
        int arxiv = 0;
        int web = 0;
        int unusable = 0;
        for (Week week : list.weeks()) {
            IssuePlan plan = IssuePlan.of(week, "https://list");
            for (PaperToRead<?> item : plan.items()) {
                assertTrue(item.paper().paperKey().matches("^(arxiv:[A-Za-z.-]*/?[0-9.]+|url:[0-9a-f]{12})$"),
                        item.paper().paperKey());
                if (item.source() instanceof ArxivSource) {
                    arxiv++;
                } else if (item.source() instanceof WebSource) {
                    web++;
                } else {
                    unusable++;
                }
            }
        }
        assertEquals(1300, arxiv + web + unusable);
        // SOURCES.md counts 1,100+ arXiv Paper links among 1,287 Paper links in the file.
        assertTrue(arxiv >= 1100, "arXiv rows: " + arxiv);
        assertTrue(web >= 150, "other-host rows: " + web);
        assertTrue(unusable < 20, "rows without a usable link: " + unusable);
    }

    private static ListRow row(Link... links) {
        return new ListRow(1, "Title", "description", List.of(links), 1);
    }
}

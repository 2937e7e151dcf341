package org.paperdigest.fetcher.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.FullText;
import org.paperdigest.events.Page;
import org.paperdigest.events.ResourceLink;

class ResourceLinksTest {

    private static FullText pdf(String... pages) {
        List<Page> list = new java.util.ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            list.add(new Page(i + 1, pages[i]));
        }
        return new FullText("pdf", "https://arxiv.org/pdf/2401.15884v3", list, false);
    }

    @Test
    void findsTheAbstractsUrlWithItsSentenceAndWithoutTheFullStop() {
        List<ResourceLink> links = ResourceLinks.find("We introduce GAIA. Data is at https://huggingface.co/gaia-benchmark."
                + " GAIA is hard.", null);
        assertEquals(List.of(new ResourceLink("https://huggingface.co/gaia-benchmark",
                "Data is at https://huggingface.co/gaia-benchmark.", null)), links);
    }

    @Test
    void aFootnoteUrlKeepsItsPageAndLosesItsMarkerAndBrackets() {
        List<ResourceLink> links = ResourceLinks.find("An abstract.", pdf("Intro text.\n1The code is available at"
                + " (https://github.com/HuskyInSalt/CRAG);", "More (see https://example.org/a_(b)) text."));
        assertEquals(List.of(
                new ResourceLink("https://github.com/HuskyInSalt/CRAG",
                        "1The code is available at (https://github.com/HuskyInSalt/CRAG);", 1),
                new ResourceLink("https://example.org/a_(b)", "More (see https://example.org/a_(b)) text.", 2)),
                links);
    }

    @Test
    void aFootnoteAtTheFootOfAPageStartsAtItsMarker() {
        List<ResourceLink> links = ResourceLinks.find(null, pdf("we carefully design our incentive structure so\n"
                + "2Data and code: https://github.com/idavidrein/gpqa/"));
        assertEquals("2Data and code: https://github.com/idavidrein/gpqa/", links.get(0).sentence());
    }

    @Test
    void joinsAUrlBrokenAtALineEndOnlyWhereTheNextLineClearlyContinuesIt() {
        List<ResourceLink> links = ResourceLinks.find(null, pdf(
                "Code: https://github.com/\nidavidrein/gpqa and data.",
                "See https://huggingface.co/datasets/allenai-\ntulu-v2 for the mix.",
                "Our page https://tulu.example.org/\nWe train on it."));
        assertEquals(List.of("https://github.com/idavidrein/gpqa", "https://huggingface.co/datasets/allenai-tulu-v2",
                "https://tulu.example.org/"), links.stream().map(ResourceLink::url).toList());
        assertEquals("Code: https://github.com/idavidrein/gpqa and data.", links.get(0).sentence());
    }

    @Test
    void leavesOutTheReferenceListPapersAndRepeats() {
        List<ResourceLink> links = ResourceLinks.find("Code at github.com/a/b.", pdf(
                "We build on https://arxiv.org/abs/2310.11511 and release https://github.com/a/b/ again.",
                "Conclusion.\nReferences\n[1] Someone. Code. https://github.com/other/work, 2023."));
        assertEquals(List.of(new ResourceLink("https://github.com/a/b", "Code at github.com/a/b.", null)), links);
    }

    @Test
    void aWebPageTextHasNoPages() {
        FullText page = new FullText("html", "https://example.org/post",
                List.of(new Page(1, "Try the demo at https://huggingface.co/spaces/x/y!")), false);
        assertEquals(List.of(new ResourceLink("https://huggingface.co/spaces/x/y",
                "Try the demo at https://huggingface.co/spaces/x/y!", null)), ResourceLinks.find(null, page));
    }
}

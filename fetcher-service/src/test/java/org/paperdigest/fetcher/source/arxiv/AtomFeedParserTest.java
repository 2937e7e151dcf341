package org.paperdigest.fetcher.source.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.fetcher.Fixtures;
import org.paperdigest.fetcher.domain.ArxivId;

class AtomFeedParserTest {

    @Test
    void readsARecordedSingleEntry() throws Exception {
        ArxivFeed feed = parse("current-2026_id_list-1605.08386.xml");
        assertEquals(1, feed.totalResults());
        ArxivEntry entry = feed.entries().get(0);
        assertEquals(new ArxivId("1605.08386", "v1"), entry.id());
        assertEquals("Heat-bath random walks with Markov bases", entry.title());
        assertTrue(entry.summary().startsWith("Graphs on lattice points are studied whose edges come from"));
        assertEquals(List.of("Caprice Stanley", "Tobias Windisch"), entry.authors());
        assertEquals(List.of("math.CO", "math.ST"), entry.categories());
        assertEquals(LocalDate.of(2016, 5, 26), entry.published());
        assertEquals(LocalDate.of(2016, 5, 26), entry.updated());
        assertEquals("https://arxiv.org/abs/1605.08386v1", entry.absUrl());
        assertEquals("https://arxiv.org/pdf/1605.08386v1", entry.pdfUrl());
        assertEquals("20 pages, 3 figures", entry.comment());
        assertNull(entry.doi());
        assertNull(entry.journalRef());
    }

    @Test
    void readsAVersionedAnswerWithoutComment() throws Exception {
        ArxivEntry entry = parse("current-2026_id_list-2104.12255v1.xml").entries().get(0);
        assertEquals(new ArxivId("2104.12255", "v1"), entry.id());
        assertEquals("0", entry.title());
        assertNull(entry.comment());
        assertEquals(List.of("cs.CR"), entry.categories());
    }

    @Test
    void anIdArxivDoesNotKnowIsSilentlyMissing() throws Exception {
        ArxivFeed feed = parse("current-2026_id_list-0808.05394_1707.08567_one-missing.xml");
        assertEquals(1, feed.totalResults());
        assertEquals(1, feed.entries().size());
        assertTrue(feed.find(new ArxivId("1707.08567", null)).isPresent());
        assertTrue(feed.find(new ArxivId("1707.08567", "v1")).isPresent());
        assertTrue(feed.find(new ArxivId("1707.08567", "v2")).isEmpty(), "a named version must match");
        assertTrue(feed.find(new ArxivId("0808.05394", null)).isEmpty());
        assertEquals(34, feed.entries().get(0).authors().size());
    }

    @Test
    void anEmptyAnswerHasNoEntries() throws Exception {
        ArxivFeed feed = parse("current-2026_id_list-0000.0000_empty.xml");
        assertEquals(0, feed.totalResults());
        assertTrue(feed.entries().isEmpty());
    }

    @Test
    void theErrorFeedBecomesAClearFailure() {
        ArxivApiException e = assertThrows(ArxivApiException.class,
                () -> parse("current-2026_id_list-abc_http400-error.xml"));
        assertEquals("arXiv rejected the query: incorrect id format for abc", e.getMessage());
    }

    @Test
    void readsDoiJournalRefAndCommentWhereTheyArePresent() throws Exception {
        ArxivFeed feed = parse("current-2026_search_query-testing_start0_max10.xml");
        assertEquals(214881, feed.totalResults());
        assertEquals(10, feed.entries().size());
        ArxivEntry first = feed.entries().get(0);
        assertEquals("10.1109/ICSTW55395.2022.00035", first.doi());
        assertEquals("Artificial Intelligence in Software Testing @ 2022 IEEE International Conference on Software "
                + "Testing, Verification and Validation Workshops (ICSTW)", first.journalRef());
        assertEquals("Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022", first.comment());
        assertEquals(List.of("cs.SE", "cs.LG"), first.categories());
        String xml = Fixtures.text("arxiv-api/current-2026_search_query-testing_start0_max10.xml");
        assertEquals(count(xml, "<arxiv:doi>"), feed.entries().stream().filter(e -> e.doi() != null).count());
        assertEquals(count(xml, "<arxiv:journal_ref>"),
                feed.entries().stream().filter(e -> e.journalRef() != null).count());
        assertTrue(feed.entries().stream().allMatch(e -> e.pdfUrl().startsWith("https://arxiv.org/pdf/")),
                "the doi link (rel=related, title=doi) is not taken for the PDF");
    }

    @Test
    void readsTheBuiltWeekAnswer() throws Exception {
        ArxivFeed feed = parse("built_id_list-week-2023-11-20_one-missing.xml");
        assertEquals(9, feed.totalResults());
        assertEquals(List.of("2311.11829", "2311.12351", "2311.13581", "2311.11045", "2311.12022", "2311.11797",
                "2311.12983", "2311.10537", "2311.10702"), feed.entries().stream().map(e -> e.id().id()).toList());
        assertTrue(feed.find(new ArxivId("2311.05698", null)).isEmpty());
        ArxivEntry survey = feed.find(new ArxivId("2311.12351", null)).orElseThrow();
        assertEquals("v2", survey.id().version());
        assertEquals(LocalDate.of(2023, 11, 21), survey.published());
        assertEquals(LocalDate.of(2024, 2, 23), survey.updated());
        assertEquals("GPQA: A Graduate-Level Google-Proof Q&A Benchmark",
                feed.find(new ArxivId("2311.12022", null)).orElseThrow().title());
        assertTrue(feed.find(new ArxivId("2311.10702", null)).orElseThrow().summary()
                .startsWith("Since the release of T\\\"ULU [Wang et al., 2023b]"), "abstracts keep their TeX");
    }

    /**
     * The older layout (before the 2025 change), constructed here from its known shape since no recording is
     * kept: hard-wrapped title and summary with leading spaces, http links, updated before title, namespaces
     * declared per element, scheme on primary_category, an affiliation, and a timestamp with an offset.
     */
    @Test
    void readsTheOlderHardWrappedFormat() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <link href="http://arxiv.org/api/query?search_query%3D%26id_list%3D2101.00001v2" rel="self" type="application/atom+xml"/>
                  <title type="html">ArXiv Query: search_query=&amp;id_list=2101.00001v2&amp;start=0&amp;max_results=1</title>
                  <id>http://arxiv.org/api/abcdef</id>
                  <updated>2024-01-02T00:00:00-05:00</updated>
                  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
                  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
                  <entry>
                    <id>http://arxiv.org/abs/2101.00001v2</id>
                    <updated>2021-01-05T23:30:00-05:00</updated>
                    <published>2021-01-01T10:00:00Z</published>
                    <title>Hard-Wrapped Titles: A Study of T\\"ULU and
                  Q&amp;A</title>
                    <summary>  The first line of a summary
                that the old API wrapped at about eighty columns, with math $O(n^2)$
                and 92\\% kept.
                </summary>
                    <author>
                      <name>Ada Example</name>
                      <arxiv:affiliation xmlns:arxiv="http://arxiv.org/schemas/atom">Example University</arxiv:affiliation>
                    </author>
                    <author>
                      <name>Bo
                        Sample</name>
                    </author>
                    <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.1000/example.1</arxiv:doi>
                    <link title="doi" href="http://dx.doi.org/10.1000/example.1" rel="related"/>
                    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">12 pages,
                  3 figures</arxiv:comment>
                    <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">J. Example 1 (2021) 1-12</arxiv:journal_ref>
                    <link href="http://arxiv.org/abs/2101.00001v2" rel="alternate" type="text/html"/>
                    <link title="pdf" href="http://arxiv.org/pdf/2101.00001v2" rel="related" type="application/pdf"/>
                    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
                    <category term="cs.AI" scheme="http://arxiv.org/schemas/atom"/>
                    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
                  </entry>
                </feed>
                """;
        ArxivFeed feed = AtomFeedParser.parse(xml);
        ArxivEntry entry = feed.entries().get(0);
        assertEquals(new ArxivId("2101.00001", "v2"), entry.id());
        assertEquals("Hard-Wrapped Titles: A Study of T\\\"ULU and Q&A", entry.title());
        assertEquals("The first line of a summary that the old API wrapped at about eighty columns, with math "
                + "$O(n^2)$ and 92\\% kept.", entry.summary());
        assertEquals(List.of("Ada Example", "Bo Sample"), entry.authors());
        assertEquals(List.of("cs.CL", "cs.AI"), entry.categories(), "primary first");
        assertEquals(LocalDate.of(2021, 1, 6), entry.updated(), "dates are UTC days");
        assertEquals("https://arxiv.org/abs/2101.00001v2", entry.absUrl());
        assertEquals("https://arxiv.org/pdf/2101.00001v2", entry.pdfUrl());
        assertEquals("10.1000/example.1", entry.doi());
        assertEquals("J. Example 1 (2021) 1-12", entry.journalRef());
        assertEquals("12 pages, 3 figures", entry.comment());
    }

    @Test
    void rejectsAnswersThatAreNotFeeds() {
        assertTrue(assertThrows(ArxivApiException.class, () -> AtomFeedParser.parse("<html><body>busy</body></html>"))
                .getMessage().contains("not an Atom feed"));
        assertTrue(assertThrows(ArxivApiException.class, () -> AtomFeedParser.parse("<feed"))
                .getMessage().contains("not well-formed"));
        assertTrue(assertThrows(ArxivApiException.class, () -> AtomFeedParser.parse(" "))
                .getMessage().contains("empty"));
    }

    @Test
    void neverResolvesExternalEntities() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2101.00001v1</id>
                <title>&secret;</title></entry></feed>
                """;
        assertThrows(ArxivApiException.class, () -> AtomFeedParser.parse(xml));
    }

    private static ArxivFeed parse(String file) throws ArxivApiException {
        return AtomFeedParser.parse(Fixtures.text("arxiv-api/" + file));
    }

    private static long count(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}

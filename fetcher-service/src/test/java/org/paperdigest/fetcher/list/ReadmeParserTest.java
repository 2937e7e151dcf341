package org.paperdigest.fetcher.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Link;
import org.paperdigest.fetcher.Fixtures;

class ReadmeParserTest {

    private static String readme;
    private static WeeklyList list;

    @BeforeAll
    static void parse() {
        readme = Fixtures.readme();
        list = ReadmeParser.parse(readme, LocalDate.of(2026, 11, 23));
    }

    /** Expected rows checked by hand against README.md lines 1354-1363 (and the derived JSON, which agrees). */
    @Test
    void readsTheWeekOf2023_11_20Exactly() {
        Week week = list.find(LocalDate.of(2023, 11, 20)).orElseThrow();
        assertEquals(LocalDate.of(2023, 11, 26), week.end());
        assertEquals(1351, week.line());
        assertEquals("Top ML Papers of the Week (November 20 - November 26)", week.heading());
        assertEquals("Top ML Papers of the Week (November 20 - November 26, 2023)", week.title());
        assertEquals("2023-11-20", week.issueId());

        List<String> titles = List.of("System 2 Attention", "Advancing Long-Context LLMs",
                "Parallel Speculative Sampling", "Mirasol3B", "Teaching Small LMs To Reason", "GPQA",
                "The Hitchhiker’s Guide From Chain-of-Thought Reasoning to Language Agents", "GAIA",
                "LLMs as Collaborators for Medical Reasoning", "TÜLU 2");
        List<String> arxivIds = List.of("2311.11829", "2311.12351", "2311.13581", "2311.05698", "2311.11045",
                "2311.12022", "2311.11797", "2311.12983", "2311.10537", "2311.10702");
        List<String> tweets = List.of("jaseweston/status/1726784511357157618", "omarsar0/status/1727358484360945750",
                "omarsar0/status/1728066181796418009", "GoogleAI/status/1724553024088191211",
                "omarsar0/status/1726990087399915995", "idavidrein/status/1727033002234909060",
                "omarsar0/status/1726803725220487277", "ThomasScialom/status/1727683993045201339",
                "omarsar0/status/1726627951582511135", "natolambert/status/1727350301131518454");
        assertEquals(10, week.rows().size());
        for (int i = 0; i < 10; i++) {
            ListRow row = week.rows().get(i);
            assertEquals(i + 1, row.position());
            assertEquals(1354 + i, row.line());
            assertEquals(titles.get(i), row.title());
            assertEquals(List.of(new Link("Paper", "https://arxiv.org/abs/" + arxivIds.get(i)),
                    new Link("Tweet", "https://x.com/" + tweets.get(i) + "?s=20")), row.links());
        }
        assertEquals("leverages the reasoning and instruction following capabilities of LLMs to decide what to "
                + "attend to; it regenerates input context to only include relevant portions before attending to the "
                + "regenerated context to elicit the final response from the model; increases factuality and "
                + "outperforms standard attention-based LLMs on tasks such as QA and math world problems.",
                week.rows().get(0).description());
        assertEquals("proposes a collaborative multi-round framework for the medical domain that leverages "
                + "role-playing LLM-based agents to enhance LLM proficiency and reasoning capabilities.",
                week.rows().get(8).description());
    }

    @Test
    void findsAll130WeeksWithDatesDecreasingDownTheFile() {
        long headings = readme.lines().filter(line -> line.startsWith("## Top ML Papers of the Week")).count();
        assertEquals(130, headings);
        assertEquals(headings, list.weeks().size(), "every heading is a week");

        List<Week> inFileOrder = list.weeks().stream().sorted(Comparator.comparingInt(Week::line)).toList();
        for (int i = 1; i < inFileOrder.size(); i++) {
            Week above = inFileOrder.get(i - 1);
            Week below = inFileOrder.get(i);
            assertTrue(below.start().isBefore(above.start()),
                    "line " + below.line() + " (" + below.start() + ") is not before line " + above.line());
        }
        for (Week week : list.weeks()) {
            long days = ChronoUnit.DAYS.between(week.start(), week.end());
            assertTrue(days >= 5 && days <= 8, week.heading() + " spans " + days + " days");
            assertEquals(10, week.rows().size(), week.heading());
            for (ListRow row : week.rows()) {
                assertFalse(row.title().isBlank(), "empty title at line " + row.line());
                assertTrue(row.title().length() < 150, "title swallowed its description at line " + row.line());
                assertFalse(row.title().contains("**"), "bold markers left at line " + row.line());
                assertFalse(row.links().isEmpty(), "no links at line " + row.line());
            }
        }
        assertEquals(LocalDate.of(2025, 6, 23), list.newest().orElseThrow().start());
        assertEquals(LocalDate.of(2023, 1, 1), list.weeks().get(list.weeks().size() - 1).start());
    }

    @Test
    void infersYearsAcrossEveryHeadingStyle() {
        assertWeek("Top ML Papers of the Week (December 30 - January 5) - 2025", "2024-12-30", "2025-01-05");
        assertWeek("Top ML Papers of the Week (January 1 - January 7) - 2024", "2024-01-01", "2024-01-07");
        // The first year-less heading below the 2024 ones belongs to 2023.
        assertWeek("Top ML Papers of the Week (December 25 - December 31)", "2023-12-25", "2023-12-31");
        assertWeek("Top ML Papers of the Week (May 29-June 4)", "2023-05-29", "2023-06-04");
        assertWeek("Top ML Papers of the Week (May 22-28)", "2023-05-22", "2023-05-28");
        assertWeek("Top ML Papers of the Week (Mar 27 - April 2)", "2023-03-27", "2023-04-02");
        assertWeek("Top ML Papers of the Week (Feb 27-Mar 5)", "2023-02-27", "2023-03-05");
        assertWeek("Top ML Papers of the Week (Feb 13 - 19)", "2023-02-13", "2023-02-19");
        assertWeek("Top ML Papers of the Week (Jan 1-8)", "2023-01-01", "2023-01-08");
    }

    @Test
    void readsTheRowStylesOfEachYear() {
        // 2025: non-bold title, two spaces, <br>● bullets.
        ListRow mercury = week("2025-06-23").rows().get(0);
        assertEquals("Ultra-Fast Diffusion-based Language Models", mercury.title());
        assertTrue(mercury.description().startsWith("This paper introduces Mercury, a family of large-scale"));
        assertTrue(mercury.description().contains("\n● Mercury uses a Transformer-based architecture"));
        assertFalse(mercury.description().contains("<br>"));
        // A link inside the description keeps its words only.
        ListRow affectiveUse = week("2025-06-23").rows().get(6);
        assertEquals("Claude for Affective Use", affectiveUse.title());
        assertTrue(affectiveUse.description().contains("support from its Claude.ai assistant"), affectiveUse.description());
        // 2025 rows that forgot the two spaces: the description's opening verb separates.
        ListRow memoryOs = week("2025-05-26").rows().get(2);
        assertEquals("An Operating System for Memory-Augmented Generation in LLMs", memoryOs.title());
        assertTrue(memoryOs.description().startsWith("Introduces a unified operating system"));
        // January 2025: non-bold title separated by " - ".
        assertEquals("Self-Adaptive LLMs", week("2025-01-13").rows().get(0).title());
        // 2024: "**Title** -summary" without a space.
        ListRow alphaFold = week("2024-05-06").rows().get(0);
        assertEquals("AlphaFold 3", alphaFold.title());
        assertTrue(alphaFold.description().startsWith("releases a new state-of-the-art model"));
        // "*8RankZephyr**", a typo for bold.
        assertEquals("RankZephyr", week("2023-12-04").rows().get(8).title());
        // 2023: escaped ampersand in a title; a row with no Paper link.
        assertEquals("Iterated Decomposition: Improving Science Q&A by Supervising Reasoning Processes",
                week("2023-01-01").rows().get(8).title());
        assertEquals(List.of("Project", "Tweet"),
                week("2023-01-01").rows().get(1).links().stream().map(Link::label).toList());
        // Links separated by a space only.
        assertEquals(3, week("2023-01-01").rows().get(8).links().size());
    }

    @Test
    void repairsLinkTypos() {
        for (Week week : list.weeks()) {
            for (ListRow row : week.rows()) {
                for (Link link : row.links()) {
                    assertTrue(link.label().matches("[\\p{L}\\p{N}][\\p{L}\\p{N} &]*"), link.label());
                    assertTrue(link.url().matches("https?://[^\\s)]+"), link.url());
                }
            }
        }
        // "[Tweet)](...)" on README line 494.
        ListRow agentLab = week("2025-01-06").rows().get(1);
        assertEquals("Agent Laboratory", agentLab.title());
        assertTrue(agentLab.links().stream().anyMatch(link -> link.label().equals("Tweet")));
        // "[Paper](https://arxiv.org/abs/2305.08298))" on line 1819.
        assertEquals("https://arxiv.org/abs/2305.08298", week("2023-05-15").rows().get(8).links().get(0).url());
    }

    @Test
    void yearlessFirstHeadingIsAnchoredOnToday() {
        String markdown = """
                ## Top ML Papers of the Week (December 29 - January 4)
                | 1) **A** - first | [Paper](https://arxiv.org/abs/2501.00001) |
                ## Top ML Papers of the Week (December 22 - December 28)
                | 1) **B** - second | [Paper](https://example.org/b.pdf) |
                """;
        WeeklyList parsed = ReadmeParser.parse(markdown, LocalDate.of(2026, 1, 10));
        assertEquals(List.of(LocalDate.of(2025, 12, 29), LocalDate.of(2025, 12, 22)),
                parsed.weeks().stream().map(Week::start).toList());
        assertEquals(LocalDate.of(2026, 1, 4), parsed.weeks().get(0).end());
        assertEquals("Top ML Papers of the Week (December 29, 2025 - January 4, 2026)", parsed.weeks().get(0).title());
    }

    @Test
    void skipsHeadingsWhoseDatesCannotBeRead() {
        String markdown = """
                ## Top ML Papers of the Week (Someday)
                | 1) **A** - first | [Paper](https://arxiv.org/abs/2501.00001) |
                ## Top ML Papers of the Week (February 30 - March 5) - 2024
                | 1) **B** - second | [Paper](https://arxiv.org/abs/2501.00002) |
                ## Top ML Papers of the Week (March 4 - March 10) - 2024
                | 1) **C** - third | [Paper](https://arxiv.org/abs/2501.00003) |
                """;
        WeeklyList parsed = ReadmeParser.parse(markdown, LocalDate.of(2026, 1, 10));
        assertEquals(1, parsed.weeks().size());
        assertEquals("C", parsed.weeks().get(0).rows().get(0).title());
        assertNull(ReadmeParser.dates("Feb 30 - Mar 5", null, null, LocalDate.of(2026, 1, 1)));
    }

    @Test
    void nearestWeeksAreTheClosestStarts() {
        assertEquals(List.of(LocalDate.of(2023, 11, 20), LocalDate.of(2023, 11, 27)),
                list.nearest(LocalDate.of(2023, 11, 22), 2));
    }

    private static Week week(String start) {
        return list.find(LocalDate.parse(start)).orElseThrow(() -> new AssertionError("no week " + start));
    }

    private static void assertWeek(String heading, String start, String end) {
        Week week = list.weeks().stream().filter(w -> w.heading().equals(heading)).findFirst()
                .orElseThrow(() -> new AssertionError("no heading " + heading));
        assertEquals(LocalDate.parse(start), week.start(), heading);
        assertEquals(LocalDate.parse(end), week.end(), heading);
    }
}

package org.paperdigest.fetcher.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Link;
import org.paperdigest.fetcher.Fixtures;

/**
 * The recorded README over all its eras. Every expected value below was read by hand off the README fixture
 * (line numbers given), not taken from the parser's output.
 */
class ReadmeErasTest {

    private static List<String> lines;
    private static WeeklyList list;

    @BeforeAll
    static void parse() {
        String readme = Fixtures.readme();
        lines = readme.lines().toList();
        list = ReadmeParser.parse(readme, LocalDate.of(2026, 11, 23));
    }

    @Test
    void everyWeekHoldsTenCompleteRowsInDateOrder() {
        assertEquals(130, list.weeks().size());
        LocalDate later = null;
        for (Week week : list.weeks()) {
            if (later != null) {
                // At most the boundary day is shared: the list itself writes "(April 6 - April 13) - 2025" (line 308)
                // above "(March 31 - April 6) - 2025".
                assertFalse(week.end().isAfter(later), week.heading() + " overlaps the week above it");
                assertTrue(week.start().isBefore(later), week.heading() + " does not start before the week above it");
            }
            later = week.start();
            assertEquals(10, week.rows().size(), week.heading());
            for (int i = 0; i < 10; i++) {
                ListRow row = week.rows().get(i);
                String at = " at line " + row.line();
                assertEquals(i + 1, row.position(), "position" + at);
                assertTrue(row.line() > week.line(), "row above its heading" + at);
                assertFalse(row.title().isBlank(), "empty title" + at);
                String raw = lines.get(row.line() - 1).trim();
                int linksStart = raw.lastIndexOf('|', raw.length() - 2);
                if (row.description().isBlank()) {
                    // Four 2023 rows (e.g. line 1884) really are a bold title alone.
                    assertTrue(raw.substring(0, linksStart).trim().endsWith(row.title() + "**"),
                            "description lost" + at);
                }
                for (String markup : List.of("**", "<br>", "](", "\\&", "|")) {
                    assertFalse(row.title().contains(markup), markup + " in the title" + at);
                    assertFalse(row.description().contains(markup), markup + " in the description" + at);
                }
                // Every link written in the row's Links cell is parsed, none more.
                String linksCell = raw.substring(linksStart + 1, raw.length() - 1);
                int written = linksCell.split("\\]\\(", -1).length - 1;
                assertEquals(written, row.links().size(), "links" + at + ": " + linksCell.trim());
            }
        }
    }

    /** README lines 2128-2143: abbreviated heading, a row without a Paper link, links separated by " , " or " ". */
    @Test
    void january2023() {
        Week week = week("2023-01-01", "2023-01-08", 2128, "Top ML Papers of the Week (Jan 1-8)",
                "Top ML Papers of the Week (January 1 - January 8, 2023)", 2132);
        ListRow first = week.rows().get(0);
        assertEquals("Muse: Text-To-Image Generation via Masked Generative Transformers", first.title());
        assertEquals("introduces Muse, a new text-to-image generation model based on masked generative transformers; "
                + "significantly more efficient than other diffusion models like Imagen and DALLE-2.",
                first.description());
        assertEquals(List.of(new Link("Paper", "https://arxiv.org/abs/2301.00704"),
                new Link("Project", "https://muse-model.github.io/"),
                new Link("Code", "https://github.com/lucidrains/muse-maskgit-pytorch"),
                new Link("Tweet", "https://twitter.com/dair_ai/status/1612153095772938241?s=20&t=ChwZWzSmoRlZKnD54fsV6w")),
                first.links());
        ListRow noPaper = week.rows().get(1);
        assertEquals("VALL-E Neural Codec Language Models are Zero-Shot Text to Speech Synthesizers", noPaper.title());
        assertEquals(List.of(new Link("Project", "https://valle-demo.github.io/"),
                new Link("Tweet", "https://twitter.com/dair_ai/status/1612153097962328067?s=20&t=ChwZWzSmoRlZKnD54fsV6w")),
                noPaper.links());
        assertEquals(List.of("Paper", "Code", "Tweet"), labels(week.rows().get(5)));
        assertEquals("https://arxiv.org/abs/2301.01181", week.rows().get(5).links().get(0).url());
        assertEquals("https://transformer-circuits.pub/2023/toy-double-descent/index.html",
                week.rows().get(6).links().get(0).url());
        ListRow escaped = week.rows().get(8);
        assertEquals("proposes integrated decomposition, an approach to improve Science Q&A through a "
                + "human-in-the-loop workflow for refining compositional LM programs.", escaped.description());
        assertEquals(List.of("Paper", "Code", "Tweet"), labels(escaped));
        ListRow last = week.rows().get(9);
        assertEquals("A Succinct Summary of Reinforcement Learning", last.title());
        assertEquals("a nice overview of some important ideas in RL.", last.description());
        assertEquals(2141, last.line());
    }

    /** README lines 1992-2006: a heading spanning two abbreviated months. */
    @Test
    void februaryToMarch2023() {
        Week week = week("2023-02-27", "2023-03-05", 1992, "Top ML Papers of the Week (Feb 27-Mar 5)",
                "Top ML Papers of the Week (February 27 - March 5, 2023)", 1996);
        assertEquals("Language Is Not All You Need: Aligning Perception with Language Models",
                week.rows().get(0).title());
        assertEquals("https://www.nature.com/articles/s41562-022-01516-2?utm_source=twitter&utm_medium=organic_social"
                + "&utm_campaign=evergreen&utm_content=animation", week.rows().get(1).links().get(0).url());
        assertEquals("Consistency Models", week.rows().get(3).title());
        assertEquals("a new family of generative models that achieve high sample quality without adversarial "
                + "training.", week.rows().get(3).description());
        assertEquals(List.of("Project", "Tweet"), labels(week.rows().get(5)));
        assertEquals(List.of(new Link("Paper", "https://grounded-decoding.github.io/paper.pdf"),
                new Link("Project", "https://grounded-decoding.github.io/"),
                new Link("Tweet", "https://twitter.com/dair_ai/status/1632383325036740610?s=20")),
                week.rows().get(6).links());
        assertEquals(List.of("Paper", "Models", "Evaluation", "Tweet"), labels(week.rows().get(7)));
        assertEquals("Enabling Conversational Interaction with Mobile UI using Large Language Models",
                week.rows().get(9).title());
    }

    /** README lines 1705-1718: mid-2023, full month names without a year. */
    @Test
    void juneToJuly2023() {
        Week week = week("2023-06-26", "2023-07-02", 1705, "Top ML Papers of the Week (June 26 - July 2)",
                "Top ML Papers of the Week (June 26 - July 2, 2023)", 1709);
        ListRow first = week.rows().get(0);
        assertEquals("LeanDojo", first.title());
        assertEquals("an open-source Lean playground consisting of toolkits, data, models, and benchmarks for theorem "
                + "proving; also develops ReProver, a retrieval augmented LLM-based prover for theorem solving using "
                + "premises from a vast math library.", first.description());
        assertEquals(List.of(new Link("Paper", "https://arxiv.org/abs/2306.15626"),
                new Link("Tweet", "https://twitter.com/KaiyuYang4/status/1673882824158613504?s=20")), first.links());
        assertEquals("https://arxiv.org/abs/2306.13651v1", week.rows().get(7).links().get(0).url());
        assertEquals("Scaling MLPs: A Tale of Inductive Bias", week.rows().get(9).title());
    }

    /** README lines 1382-1395: November 2023, one-phrase descriptions, x.com links. */
    @Test
    void november2023() {
        Week week = week("2023-11-06", "2023-11-12", 1382, "Top ML Papers of the Week (November 6 - November 12)",
                "Top ML Papers of the Week (November 6 - November 12, 2023)", 1386);
        ListRow first = week.rows().get(0);
        assertEquals("Hallucination in LLMs", first.title());
        assertEquals("a comprehensive survey", first.description());
        assertEquals(List.of(new Link("Paper", "https://arxiv.org/abs/2311.05232"),
                new Link("Tweet", "https://x.com/omarsar0/status/1722985251129966705?s=20")), first.links());
        ListRow last = week.rows().get(9);
        assertEquals("FreshLLMs", last.title());
        assertEquals("proposes a dynamic QA benchmark", last.description());
    }

    /** README lines 996-1010: 2024 "**Title** -description" without a space after the dash. */
    @Test
    void may2024() {
        Week week = week("2024-05-06", "2024-05-12", 996, "Top ML Papers of the Week (May 6 - May 12) - 2024",
                "Top ML Papers of the Week (May 6 - May 12, 2024)", 999);
        ListRow first = week.rows().get(0);
        assertEquals("AlphaFold 3", first.title());
        assertTrue(first.description().startsWith("releases a new state-of-the-art model for accurately predicting "
                + "the structure and interactions of molecules;"), first.description());
        assertTrue(first.description().endsWith("starts with a cloud of atoms which converges to its final molecular "
                + "structure."), first.description());
        assertEquals(List.of(
                new Link("Paper", "https://blog.google/technology/ai/google-deepmind-isomorphic-alphafold-3-ai-model/"),
                new Link("Tweet", "https://x.com/GoogleDeepMind/status/1788223454317097172")), first.links());
        ListRow xlstm = week.rows().get(1);
        assertEquals("xLSTM: Extended Long Short-Term Memory", xlstm.title());
        assertTrue(xlstm.description().endsWith("different model classes like Transformers, SSMs, and RNNs."),
                xlstm.description());
        ListRow last = week.rows().get(9);
        assertEquals("Granite Code Models", last.title());
        assertTrue(last.description().startsWith("introduce Granite, a series of code models"), last.description());
        assertEquals(List.of(new Link("Paper", "https://arxiv.org/abs/2405.04324v1"),
                new Link("Code", "https://github.com/ibm-granite/granite-code-models"),
                new Link("Tweet", "https://x.com/rohanpaul_ai/status/1788194161495052343")), last.links());
    }

    /** README lines 602-616: late 2024, a PDF Paper link outside arXiv, trailing spaces before the cell end. */
    @Test
    void november2024() {
        Week week = week("2024-11-11", "2024-11-17", 602,
                "Top ML Papers of the Week (November 11 - November 17) - 2024",
                "Top ML Papers of the Week (November 11 - November 17, 2024)", 605);
        ListRow first = week.rows().get(0);
        assertEquals("Impacts of AI on Innovation", first.title());
        assertTrue(first.description().endsWith("due to decreased creativity and skill underutilization."),
                first.description());
        assertEquals(List.of(new Link("Paper", "https://aidantr.github.io/files/AI_innovation.pdf"),
                new Link("Tweet", "https://x.com/omarsar0/status/1856424446720127024")), first.links());
        assertEquals("Scaling Laws for Precision", week.rows().get(1).title());
        assertEquals("HtmlRAG", week.rows().get(9).title());
    }

    /** README lines 490-504: January 2025, non-bold titles with " - ", the "[Tweet)]" typo after two spaces. */
    @Test
    void january2025() {
        Week week = week("2025-01-06", "2025-01-12", 490,
                "Top ML Papers of the Week (January 6 - January 12) - 2025",
                "Top ML Papers of the Week (January 6 - January 12, 2025)", 493);
        ListRow first = week.rows().get(0);
        assertEquals("Cache-Augmented Generation (CAG)", first.title());
        assertTrue(first.description().startsWith("an approach that aims to leverage the capabilities of long-context "
                + "LLMs"), first.description());
        assertEquals(List.of(new Link("Paper", "https://arxiv.org/pdf/2412.15605"),
                new Link("Tweet", "https://x.com/omarsar0/status/1876721221083214200")), first.links());
        ListRow typo = week.rows().get(1);
        assertEquals("Agent Laboratory", typo.title());
        assertEquals(List.of(new Link("Paper", "https://arxiv.org/abs/2501.04227"),
                new Link("Tweet", "https://x.com/omarsar0/status/1877382581358047375")), typo.links());
        ListRow last = week.rows().get(9);
        assertEquals("A Survey on LLMs", last.title());
        assertEquals("a new survey on LLMs including some insights on capabilities and limitations.",
                last.description());
    }

    /** README lines 154-168: 2025 non-bold titles, two spaces, then a paragraph and "<br>●" bullets. */
    @Test
    void june2025() {
        Week week = week("2025-06-23", "2025-06-29", 154, "Top ML Papers of the Week (June 23 - June 29) - 2025",
                "Top ML Papers of the Week (June 23 - June 29, 2025)", 157);
        ListRow first = week.rows().get(0);
        assertEquals("Ultra-Fast Diffusion-based Language Models", first.title());
        assertEquals("This paper introduces Mercury, a family of large-scale diffusion-based language models (dLLMs) "
                + "optimized for ultra-fast inference. Unlike standard autoregressive LLMs, Mercury models generate "
                + "multiple tokens in parallel via a coarse-to-fine refinement process. This approach enables "
                + "significantly higher throughput without sacrificing output quality. The initial release focuses on "
                + "code generation, with Mercury Coder Mini and Small models achieving up to 1109 and 737 tokens/sec, "
                + "respectively, on NVIDIA H100s, outperforming speed-optimized frontier models by up to 10× while "
                + "matching or exceeding their quality.\n"
                + "● Mercury uses a Transformer-based architecture adapted for diffusion-based generation, enabling it "
                + "to retain compatibility with existing LLM infrastructure.\n"
                + "● On benchmarks such as HumanEval, MBPP, and MultiPL-E, the Mercury Coder models perform "
                + "competitively with top proprietary models like Claude 3.5 Haiku and Gemini 2.0 Flash Lite, while "
                + "being drastically faster.\n"
                + "● Mercury achieves state-of-the-art results on fill-in-the-middle (FIM) code completion tasks, "
                + "outperforming all evaluated models, including Codestral 2501 and GPT-4o Mini.\n"
                + "● Human evaluations on Copilot Arena show Mercury Coder Mini is tied for second in Elo score and is "
                + "the fastest model with just 25ms latency.", first.description());
        assertEquals(List.of(new Link("Paper", "https://arxiv.org/abs/2506.17298"),
                new Link("Tweet", "https://x.com/omarsar0/status/1937600372430045494")), first.links());
        ListRow mem1 = week.rows().get(1);
        assertEquals("MEM1", mem1.title());
        // "(<IS>)" is text in the list, not markup.
        assertTrue(mem1.description().contains("Key contributions and findings:\n● Memory-consolidating internal "
                + "state: Instead of accumulating thoughts, actions, and observations, MEM1 updates a single shared "
                + "internal state (<IS>) each turn"), mem1.description());
        ListRow last = week.rows().get(9);
        assertEquals("Whole-Body Conditioned Egocentric Video Prediction", last.title());
        assertEquals("This paper introduces PEVA, a conditional diffusion transformer that predicts egocentric video "
                + "conditioned on 3D human body motion. Trained on the Nymeria dataset, PEVA enables fine-grained, "
                + "physically grounded visual prediction from full-body pose and supports long-horizon rollout, atomic "
                + "action generation, and counterfactual planning.", last.description());
        assertEquals(List.of(new Link("Paper", "https://arxiv.org/abs/2506.21552"),
                new Link("Tweet", "https://x.com/YutongBAI1002/status/1938442251866411281")), last.links());
    }

    private static Week week(String start, String end, int line, String heading, String title, int firstRowLine) {
        Week week = list.find(LocalDate.parse(start)).orElseThrow(() -> new AssertionError("no week " + start));
        assertEquals(LocalDate.parse(end), week.end());
        assertEquals(line, week.line());
        assertEquals(heading, week.heading());
        assertEquals(title, week.title());
        assertEquals(start, week.issueId());
        assertEquals(10, week.rows().size());
        for (int i = 0; i < 10; i++) {
            assertEquals(firstRowLine + i, week.rows().get(i).line(), heading + " row " + (i + 1));
        }
        return week;
    }

    private static List<String> labels(ListRow row) {
        return row.links().stream().map(Link::label).toList();
    }
}

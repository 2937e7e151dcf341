package org.paperdigest.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.paperdigest.events.Category;
import org.paperdigest.events.ContentLevel;
import org.paperdigest.events.DigestEvent;
import org.paperdigest.events.EventCodec;
import org.paperdigest.events.EventType;
import org.paperdigest.events.Evidence;
import org.paperdigest.events.GoldenSamples;
import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.Link;
import org.paperdigest.events.PaperAnswered;
import org.paperdigest.events.PaperEvent;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.events.PaperKeys;
import org.paperdigest.events.PaperMetadata;
import org.paperdigest.events.PaperSummarized;
import org.paperdigest.events.PlannedPaper;
import org.paperdigest.events.QuestionAnswer;
import org.paperdigest.events.Stage;
import org.paperdigest.publisher.content.IssueContent;
import org.paperdigest.publisher.domain.IssueAssembler;
import org.paperdigest.publisher.domain.PaperRecord;

/**
 * Events for tests, built from the contract's golden samples and the copied paper fixtures, under an issue id
 * of the test's own.
 */
public final class TestEvents {

    /** GPQA: the golden samples' paper (fetched with full text, summarized, answered). */
    public static final String GPQA = "arxiv:2311.12022";
    /** Mirasol3B: the golden failure (fetch failed). */
    public static final String MIRASOL = "arxiv:2311.05698";
    public static final String PASS = PaperKeys.arxiv("2311.13581");
    public static final String MEDAGENTS = PaperKeys.arxiv("2311.10537");
    public static final String FETCH_REASON =
            "arXiv returned no entry for 2311.05698: check that the id in the list is correct, or add the paper by its URL";
    public static final String SUMMARIZE_REASON =
            "the translation changed the protected span '$O(d_{emb})$' twice; re-run with a larger model";
    public static final String ANSWER_REASON = "the LLM answered with invalid JSON twice; see the qa-service log";
    public static final String MEDAGENTS_ABSTRACT_JA = "大規模言語モデル（LLM）は医療分野で大きな障壁に直面している。";
    public static final String MEDAGENTS_SUMMARY_JA = "医療分野で協調するLLMエージェント。";

    private static final Map<String, String> CATEGORY_NAMES = Map.of(
            "cs.CL", "Computation and Language",
            "cs.AI", "Artificial Intelligence");

    private TestEvents() {
    }

    /** A fresh id per test run, so re-runs never meet each other's issues. */
    public static String newIssueId(String purpose) {
        return "custom-it-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static PlannedPaper planned(int position, String paperKey, String title) {
        String arxivId = paperKey.substring(paperKey.indexOf(':') + 1);
        return new PlannedPaper(position, paperKey, title, "as the weekly list describes it",
                List.of(new Link("Paper", "https://arxiv.org/abs/" + arxivId),
                        new Link("Tweet", "https://x.com/example/status/1?s=20")));
    }

    public static IssuePlanned plan(String issueId, Instant plannedAt, PlannedPaper... papers) {
        IssuePlanned golden = GoldenSamples.read(EventType.ISSUE_PLANNED);
        return new IssuePlanned(1, issueId, "Top ML Papers of the Week (November 20 - November 26, 2023)",
                golden.weekStart(), golden.weekEnd(), List.of(papers), plannedAt);
    }

    /** The golden GPQA row of the plan, at its golden position (6). */
    public static PlannedPaper goldenPlannedGpqa() {
        return GoldenSamples.read(EventType.ISSUE_PLANNED).papers().get(0);
    }

    /** GPQA as fetched, with the golden sample's links and nothing flagged (the notice has tests of its own). */
    public static PaperFetched gpqaFetched(String issueId) {
        PaperFetched golden = GoldenSamples.read(EventType.PAPER_FETCHED);
        return new PaperFetched(PaperFetched.SCHEMA_VERSION, issueId, golden.paperKey(), 1, null,
                golden.paperVersion(), golden.metadata(), golden.contentLevel(), golden.fullText(), golden.notes(),
                golden.sourceUrls(), golden.fetchedAt(), golden.resourceLinks(), List.of());
    }

    public static PaperSummarized gpqaSummarized(String issueId) {
        PaperSummarized golden = GoldenSamples.read(EventType.PAPER_SUMMARIZED);
        return new PaperSummarized(PaperSummarized.SCHEMA_VERSION, issueId, golden.paperKey(), 1, golden.paperVersion(),
                golden.abstractJa(), golden.summaryJa(), golden.keyResultsJa(), golden.generation());
    }

    public static PaperAnswered gpqaAnswered(String issueId) {
        return answered(issueId, GPQA);
    }

    /** The golden answers (one answerable with evidence on page 1, one not stated), for any paper. */
    public static PaperAnswered answered(String issueId, String paperKey) {
        PaperAnswered golden = GoldenSamples.read(EventType.PAPER_ANSWERED);
        return new PaperAnswered(PaperAnswered.SCHEMA_VERSION, issueId, paperKey, 1, golden.paperVersion(),
                golden.items(), golden.generation());
    }

    /** PaSS was read from its abstract only: its evidence quotes the abstract and so has no page. */
    public static PaperAnswered passAnsweredFromAbstract(String issueId) {
        PaperAnswered golden = GoldenSamples.read(EventType.PAPER_ANSWERED);
        return new PaperAnswered(PaperAnswered.SCHEMA_VERSION, issueId, PASS, 1, "v1", List.of(new QuestionAnswer(
                "並列デコーディングに必要な追加パラメータはどの程度ですか?",
                "追加のパラメータはO(d_emb)程度で済むと述べられています。",
                true,
                List.of(new Evidence("requiring only as few as $O(d_{emb})$ additional parameters", null, null)))),
                golden.generation());
    }

    /**
     * An issue of four papers in every state a revision shows: Mirasol3B whose fetch failed, PaSS read from its
     * abstract only whose summary failed, GPQA complete, MedAgents whose Q&A failed.
     */
    public static IssueContent fourPaperIssue(String issueId, Instant publishedAt) {
        IssuePlanned plan = fourPaperPlan(issueId, publishedAt);
        Map<String, PaperRecord> records = Map.of(
                GPQA, new PaperRecord(GPQA, gpqaFetched(issueId), gpqaSummarized(issueId), gpqaAnswered(issueId),
                        null, null, null),
                MIRASOL, new PaperRecord(MIRASOL, null, null, null, FETCH_REASON, null, null),
                PASS, new PaperRecord(PASS, passAbstractOnly(issueId), null, passAnsweredFromAbstract(issueId), null,
                        SUMMARIZE_REASON, null),
                MEDAGENTS, new PaperRecord(MEDAGENTS, medAgentsFetched(issueId),
                        summarized(issueId, MEDAGENTS, MEDAGENTS_ABSTRACT_JA, MEDAGENTS_SUMMARY_JA),
                        null, null, null, ANSWER_REASON));
        return IssueAssembler.assemble(plan, records, 1, publishedAt);
    }

    public static IssuePlanned fourPaperPlan(String issueId, Instant plannedAt) {
        // Listed out of order on purpose: the issue follows the positions, not the order of the list.
        return plan(issueId, plannedAt,
                planned(9, MEDAGENTS, "LLMs as Collaborators for Medical Reasoning (MedAgents)"),
                goldenPlannedGpqa(),
                planned(1, MIRASOL, "Mirasol3B"),
                planned(3, PASS, "Parallel Speculative Sampling"));
    }

    /** Moves an event to another issue, for events that must land on the same partition as the original. */
    @SuppressWarnings("unchecked")
    public static <T extends DigestEvent> T inIssue(T event, String issueId) {
        ObjectNode json = EventCodec.mapper().valueToTree(event);
        json.put("issueId", issueId);
        return EventCodec.fromJson(json.toString(), (EventType<T>) EventType.of(event));
    }

    /** The same paper event, made for another revision of its issue (as after a regeneration). */
    @SuppressWarnings("unchecked")
    public static <T extends PaperEvent> T inRevision(T event, int revision) {
        ObjectNode json = EventCodec.mapper().valueToTree(event);
        json.put("revision", revision);
        return EventCodec.fromJson(json.toString(), (EventType<T>) EventType.of(event));
    }

    /** A summary for a paper other than GPQA, reusing the golden provenance. */
    public static PaperSummarized summarized(String issueId, String paperKey, String abstractJa, String summaryJa) {
        PaperSummarized golden = GoldenSamples.read(EventType.PAPER_SUMMARIZED);
        return new PaperSummarized(PaperSummarized.SCHEMA_VERSION, issueId, paperKey, 1, "v1", abstractJa, summaryJa,
                List.of(), golden.generation());
    }

    public static PaperFailed mirasolFetchFailed(String issueId) {
        PaperFailed golden = GoldenSamples.read(EventType.PAPER_FAILED);
        return new PaperFailed(PaperFailed.SCHEMA_VERSION, issueId, golden.paperKey(), 1, golden.stage(),
                golden.reason(), golden.failedAt());
    }

    public static PaperFailed failed(String issueId, String paperKey, Stage stage, String reason) {
        return new PaperFailed(PaperFailed.SCHEMA_VERSION, issueId, paperKey, 1, stage, reason,
                Instant.parse("2023-11-27T09:05:00Z"));
    }

    /** PaSS, of which only the abstract could be read. */
    public static PaperFetched passAbstractOnly(String issueId) {
        return fetched(issueId, PASS, fixtureMetadata("2311.13581.json"), ContentLevel.ABSTRACT_ONLY,
                List.of("the PDF could not be downloaded (HTTP 503); questions rest on the abstract"));
    }

    public static PaperFetched medAgentsFetched(String issueId) {
        return fetched(issueId, MEDAGENTS, fixtureMetadata("2311.10537v1.json"), ContentLevel.FULL_TEXT, List.of());
    }

    public static PaperFetched fetched(String issueId, String paperKey, PaperMetadata metadata, ContentLevel level,
            List<String> notes) {
        return new PaperFetched(PaperFetched.SCHEMA_VERSION, issueId, paperKey, 1, null, "v1", metadata, level, null,
                notes, List.of(metadata.url()), Instant.parse("2023-11-27T09:00:12Z"));
    }

    /** Metadata as the fetcher would build it from the copied fixture (arXiv abs URL, human category names). */
    public static PaperMetadata fixtureMetadata(String file) {
        JsonNode paper = readFixture(file);
        List<String> authors = new ArrayList<>();
        paper.get("authors").forEach(author -> authors.add(author.asText()));
        List<Category> categories = new ArrayList<>();
        paper.get("categories").forEach(code -> categories.add(
                new Category(code.asText(), CATEGORY_NAMES.getOrDefault(code.asText(), code.asText()))));
        String id = paper.get("id").asText() + paper.get("version").asText();
        return new PaperMetadata(paper.get("title").asText(), authors, paper.get("abstract").asText(),
                date(paper, "published"), date(paper, "updated"), categories,
                "https://arxiv.org/abs/" + id, "https://arxiv.org/pdf/" + id, null, null, null);
    }

    private static LocalDate date(JsonNode paper, String field) {
        JsonNode value = paper.get(field);
        return value == null || value.isNull() ? null : LocalDate.parse(value.asText().substring(0, 10));
    }

    private static JsonNode readFixture(String file) {
        try (InputStream in = TestEvents.class.getResourceAsStream("/fixtures/papers/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + file);
            }
            return EventCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

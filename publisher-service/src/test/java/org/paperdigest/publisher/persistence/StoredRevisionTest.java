package org.paperdigest.publisher.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.publisher.TestEvents;
import org.paperdigest.publisher.content.IssueContent;

/**
 * A revision's content column as it is stored today ({@code stored/issue-revision-content.json}, the four-paper issue
 * of {@link TestEvents#fourPaperIssue}): stored revisions never migrate, so they must read as they are, and new
 * revisions must be written in the same shape.
 */
class StoredRevisionTest {

    static final String ISSUE = "custom-stored-golden";
    static final Instant PUBLISHED_AT = Instant.parse("2023-11-27T09:12:00Z");

    @Test
    void aRevisionStoredTodayReadsAndWritesBackUnchanged() throws IOException {
        JsonNode golden = StoredRevisions.golden();
        IssueContent content = JsonColumnFormat.MAPPER.treeToValue(golden, IssueContent.class);
        assertEquals(golden, JsonColumnFormat.MAPPER.valueToTree(content));
    }

    @Test
    void aNewRevisionIsStoredInTodaysShape() throws IOException {
        IssueContent assembled = TestEvents.fourPaperIssue(ISSUE, PUBLISHED_AT);
        assertEquals(StoredRevisions.golden(), JsonColumnFormat.MAPPER.valueToTree(assembled));
    }

    @Test
    void aRevisionStoredBeforeKeyResultsAndLinksStillReadsWithoutThem() throws IOException {
        JsonNode older = StoredRevisions.golden();
        older.get("papers").forEach(paper -> ((ObjectNode) paper).remove(List.of("keyResultsJa", "resourceLinks")));

        IssueContent content = JsonColumnFormat.MAPPER.treeToValue(older, IssueContent.class);

        assertEquals(List.of(), content.papers().get(2).keyResultsJa());
        assertEquals(List.of(), content.papers().get(2).resourceLinks());
        assertEquals("arxiv:2311.12022", content.papers().get(2).paperKey());
    }

    @Test
    void aRevisionStoredBeforePapersCarriedFlaggedPassagesStillReads() throws IOException {
        JsonNode older = StoredRevisions.golden();
        older.get("papers").forEach(paper -> ((ObjectNode) paper).remove("flaggedPassages"));
        IssueContent content = JsonColumnFormat.MAPPER.treeToValue(older, IssueContent.class);
        assertEquals(List.of(), content.papers().get(2).flaggedPassages());
        assertEquals(StoredRevisions.golden(), JsonColumnFormat.MAPPER.valueToTree(content));
    }

    @Test
    void aRevisionStoredBeforeAnswersNamedTheirGapsStillReads() throws IOException {
        JsonNode older = StoredRevisions.golden();
        // GPQA is the third paper: its answers had no notStated, its token counts no cached share.
        JsonNode gpqa = older.get("papers").get(2);
        gpqa.get("qa").forEach(answer -> ((ObjectNode) answer).remove("notStated"));
        ((ObjectNode) gpqa.get("qaGeneration").get("usage")).remove("cachedInputTokens");

        IssueContent content = JsonColumnFormat.MAPPER.treeToValue(older, IssueContent.class);

        assertEquals(List.of(), content.papers().get(2).qa().get(0).notStated());
        assertEquals(0, content.papers().get(2).qaGeneration().usage().cachedInputTokens());
        assertEquals(31240, content.papers().get(2).qaGeneration().usage().inputTokens());
    }
}

package org.paperdigest.summarizer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.ContentLevel;
import org.paperdigest.events.FullText;
import org.paperdigest.events.Page;
import org.paperdigest.events.PaperFetched;
import org.paperdigest.testing.RecordedPapers;

class KeyResultsCheckTest {

    /** GPQA's abstract: experts 65% (74% without clear mistakes), skilled non-experts 34%, GPT-4 baseline 39%. */
    private final PaperFetched gpqa = RecordedPapers.abstractOnly("2311.12022", "2023-11-20");

    @Test
    void linesWhoseNumbersTheAbstractStatesPass() {
        List<String> lines = List.of("専門家の正答率は65%（明らかな誤りを除くと74%）", "非専門家はWeb検索を使っても34%",
                "GPT-4を用いた最強のベースラインは39%");
        KeyResultsCheck.Checked checked = KeyResultsCheck.of(gpqa).check(lines);
        assertEquals(lines, checked.kept());
        assertEquals(List.of(), checked.findings());
    }

    @Test
    void aNumberThePaperDoesNotStateDropsItsLineWithAFinding() {
        KeyResultsCheck.Checked checked = KeyResultsCheck.of(gpqa)
                .check(List.of("専門家の正答率は65%", "GPT-4の正答率は42%"));
        assertEquals(List.of("専門家の正答率は65%"), checked.kept());
        assertEquals(1, checked.findings().size());
        assertTrue(checked.findings().get(0).contains("42"), checked.findings().toString());
    }

    @Test
    void aNumberOnlyTheFullTextStatesPasses() {
        PaperFetched withText = new PaperFetched(gpqa.schemaVersion(), gpqa.issueId(), gpqa.paperKey(), 1, null,
                gpqa.paperVersion(), gpqa.metadata(), ContentLevel.FULL_TEXT,
                new FullText("pdf", "https://arxiv.org/pdf/2311.12022v1",
                        List.of(new Page(7, "Table 3: the diamond subset has 198 questions.")), false),
                List.of(), List.of(), gpqa.fetchedAt());
        KeyResultsCheck.Checked checked = KeyResultsCheck.of(withText).check(List.of("難問198問のサブセットも公開"));
        assertEquals(List.of("難問198問のサブセットも公開"), checked.kept());
        assertTrue(KeyResultsCheck.of(gpqa).check(List.of("難問198問のサブセットも公開")).kept().isEmpty());
    }

    @Test
    void moreThanThreeLinesLongLinesAndEnglishLinesAreFindings() {
        KeyResultsCheck.Checked checked = KeyResultsCheck.of(gpqa).check(List.of("専門家は65%", "非専門家は34%",
                "Experts reach 65%", "あ".repeat(KeyResultsCheck.LONGEST_LINE + 1), "GPT-4は39%"));
        assertEquals(List.of("専門家は65%", "非専門家は34%", "GPT-4は39%"), checked.kept());
        assertEquals(3, checked.findings().size(), checked.findings().toString());
    }

    @Test
    void noLinesIsNoFinding() {
        assertEquals(new KeyResultsCheck.Checked(List.of(), List.of()), KeyResultsCheck.of(gpqa).check(null));
        assertEquals(new KeyResultsCheck.Checked(List.of(), List.of()),
                KeyResultsCheck.of(gpqa).check(List.of(" ")));
    }
}

package org.paperdigest.publisher.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.publisher.content.Stage;

class ReaderReasonsTest {

    @Test
    void theFetchersNotesReadAsJapaneseReasons() {
        assertEquals("本文を取得できなかったため（HTTP 404）、概要のみに基づいています",
                ReaderReasons.note("full text unavailable: PDF download returned HTTP 404"));
        assertEquals("本文が長いため、先頭の400000文字までを使っています",
                ReaderReasons.note("full text cut at 400000 characters: page 31 is cut"));
        assertEquals("一覧が示す版（v1）を読んでいます。arXivの最新版はv3です", ReaderReasons.note(
                "the list links to version v1, which is the version read; arXiv's latest version is v3"));
        assertEquals("抽出に関する注記があります（詳細はJSONを参照）", ReaderReasons.note("something new happened"));
    }

    @Test
    void aFailureReadsAsItsStageInJapaneseAndNeverAsTheEnglishReason() {
        assertEquals("論文を取得できませんでした（arXivにこの論文が見つかりませんでした）。詳細はJSONを参照してください",
                ReaderReasons.failure(Stage.FETCH, "arXiv returned no entry for 2311.05698: check the id"));
        for (String english : List.of("the model's translation failed validation twice (prompt summary-v2)",
                "a reason nobody foresaw", "the PDF at https://x.example/p.pdf answered HTTP 500")) {
            for (Stage stage : Stage.values()) {
                String japanese = ReaderReasons.failure(stage, english);
                assertFalse(japanese.matches(".*[a-z]{3,}.*"), japanese);
            }
        }
    }
}

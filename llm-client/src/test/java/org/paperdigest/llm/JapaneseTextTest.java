package org.paperdigest.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class JapaneseTextTest {

    @Test
    void readsNumbersInEnglishAndJapaneseAlike() {
        assertEquals(Set.of("448", "65", "1000", "34.1", "4"),
                JapaneseText.numbers("448 questions, 65% (1,000 runs) at 34.1 with GPT-4"));
        assertEquals(Set.of("448", "65", "1000", "34.1", "4"),
                JapaneseText.numbers("約448問、正答率65%（１０００回）、34.1、GPT-4ベース"));
    }

    @Test
    void leavesOutNumbersWithAMagnitudeAndThoseInsideIdentifiers() {
        assertEquals(Set.of("2"), JapaneseText.numbers("LLAMA-2 70B and 1.5B models, v1 of T5"));
    }

    @Test
    void tellsJapaneseFromChinese() {
        assertTrue(JapaneseText.hasKana("データセットを提示する"));
        assertFalse(JapaneseText.hasKana("我们提出了一个数据集"));
        assertTrue(JapaneseText.japaneseShare("LLMの性能を評価する") > 0.5);
    }

    @Test
    void takesAPhraseInKanjiAloneForJapanese() {
        assertTrue(JapaneseText.hasJapanese("評価方法"));
        assertTrue(JapaneseText.hasJapanese("学習データの規模"));
        assertFalse(JapaneseText.hasJapanese("the evaluation method"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertEquals(3, JapaneseText.length("𠮷野家"));
    }
}

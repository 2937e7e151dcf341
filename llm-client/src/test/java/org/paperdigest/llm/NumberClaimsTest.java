package org.paperdigest.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NumberClaimsTest {

    @Test
    void findsANumberTheSourceSpellsOut() {
        assertEquals(Set.of(), NumberClaims.unsupported("2つのモデルを1回の順伝播で使い、300万件で学習する。",
                List.of("It uses two models in a single forward pass, trained on 3 million examples."), List.of()));
    }

    @Test
    void reportsANumberNoSourceStates() {
        Set<String> unsupported = NumberClaims.unsupported("正答率は74%である。",
                List.of("Experts reach 65% accuracy."), List.of());
        assertEquals(1, unsupported.size(), unsupported.toString());
        assertTrue(unsupported.iterator().next().contains("74"), unsupported.toString());
    }

    @Test
    void takesADigitInANameTheSourcesUseForNoClaim() {
        assertEquals(Set.of(), NumberClaims.unsupported("Orca 2はGPT-4の出力から学ぶ。",
                List.of("We train on explanations produced by a stronger model."),
                List.of("Orca 2: Teaching Small Language Models How to Reason")));
    }
}

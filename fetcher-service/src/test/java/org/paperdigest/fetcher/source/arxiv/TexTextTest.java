package org.paperdigest.fetcher.source.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TexTextTest {

    @Test
    void normalisesTexAccentsAndEscapesInTitles() {
        assertEquals("Camels in a Changing Climate: Enhancing LM Adaptation with TÜLU 2",
                TexText.displayTitle("Camels in a Changing Climate: Enhancing LM Adaptation with T\\\"ULU 2"));
        assertEquals("TÜLU", TexText.displayTitle("T\\\"{U}LU"));
        assertEquals("TÜLU", TexText.displayTitle("T{\\\"U}LU"));
        assertEquals("Café Pokémon", TexText.displayTitle("Caf\\'e Pok\\'{e}mon"));
        assertEquals("Gödel, Erdős and Čech", TexText.displayTitle("G\\\"odel, Erd\\H{o}s and \\v{C}ech"));
        assertEquals("Façade à la naïve", TexText.displayTitle("Fa\\c{c}ade \\`a la na\\\"{\\i}ve"));
        assertEquals("Straße", TexText.displayTitle("Stra\\ss{}e"));
        assertEquals("92% of Q&A in C_1 #2", TexText.displayTitle("92\\% of Q\\&A in C\\_1 \\#2"));
        assertEquals("BERT Rediscovers the Pipeline", TexText.displayTitle("{BERT} Rediscovers the {P}ipeline"));
        assertEquals("One title", TexText.displayTitle("One\n   title "));
    }

    @Test
    void keepsMathInTitles() {
        assertEquals("Learning $\\{x_i\\}$ in $O(d_{emb})$ for Süß",
                TexText.displayTitle("Learning $\\{x_i\\}$ in $O(d_{emb})$ for S\\\"u\\ss"));
        assertEquals("Costs $5 and $10", TexText.displayTitle("Costs \\$5 and \\$10"));
    }

    @Test
    void collapsesWhitespaceOnly() {
        assertEquals("a $x^2$ T\\\"ULU b", TexText.collapseWhitespace("  a\n  $x^2$\tT\\\"ULU   b \n"));
    }
}

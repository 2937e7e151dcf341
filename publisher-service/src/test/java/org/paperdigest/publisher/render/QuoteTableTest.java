package org.paperdigest.publisher.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.publisher.content.Evidence;

class QuoteTableTest {

    @Test
    void aQuoteFromATableComesAsRowsOfCells() {
        Evidence rows = new Evidence("Setting | Recall | Cost\nDense reranker | 56.1 | 30.3", 3, "Table 2");
        assertEquals(List.of(List.of("Setting", "Recall", "Cost"), List.of("Dense reranker", "56.1", "30.3")),
                PaperPage.Quote.tableRows(rows));
        Evidence oneRow = new Evidence("Sparse filter | 83.2 | 43.3", 3, "Table 2");
        assertEquals(List.of(List.of("Sparse filter", "83.2", "43.3")), PaperPage.Quote.tableRows(oneRow));
    }

    @Test
    void anyOtherQuoteHasNoRows() {
        // A table's caption is prose; a bar in a section's text is no cell.
        assertEquals(List.of(), PaperPage.Quote.tableRows(new Evidence("Results on five tasks.", 3, "Table 2")));
        assertEquals(List.of(), PaperPage.Quote.tableRows(new Evidence("P(a | b) is small", 4, "3 Method")));
        assertEquals(List.of(), PaperPage.Quote.tableRows(new Evidence("x | y", null, null)));
    }
}

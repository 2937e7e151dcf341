package org.paperdigest.fetcher.source.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperdigest.events.Category;

class ArxivTaxonomyTest {

    private final ArxivTaxonomy taxonomy = ArxivTaxonomy.load();

    @Test
    void namesTheCategoriesOfThePapers() {
        assertEquals(new Category("cs.CL", "Computation and Language"), taxonomy.category("cs.CL"));
        assertEquals(new Category("cs.AI", "Artificial Intelligence"), taxonomy.category("cs.AI"));
        assertEquals(new Category("cs.LG", "Machine Learning"), taxonomy.category("cs.LG"));
        assertEquals(new Category("stat.ML", "Machine Learning"), taxonomy.category("stat.ML"));
        assertEquals(new Category("math.CO", "Combinatorics"), taxonomy.category("math.CO"));
    }

    @Test
    void coversEveryArchive() {
        List<String> oneOfEach = List.of("cs.HC", "econ.EM", "eess.IV", "math.ST", "astro-ph.CO", "cond-mat.str-el",
                "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math-ph", "nlin.CD", "nucl-ex", "nucl-th",
                "physics.optics", "quant-ph", "q-bio.NC", "q-fin.ST", "stat.ME", "cmp-lg");
        for (String code : oneOfEach) {
            assertTrue(taxonomy.knows(code), code);
        }
        // 40 cs + 3 econ + 4 eess + 32 math + 7 astro-ph + 10 cond-mat + 8 single-category physics archives
        // + 5 nlin + 22 physics.* + 1 quant-ph + 11 q-bio + 9 q-fin + 6 stat: 158 current codes at least.
        assertTrue(taxonomy.size() >= 158, "only " + taxonomy.size());
    }

    @Test
    void anUnknownCodeKeepsItsCodeAsName() {
        assertEquals(new Category("cs.XX", "cs.XX"), taxonomy.category("cs.XX"));
    }
}

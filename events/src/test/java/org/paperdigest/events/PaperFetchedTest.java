package org.paperdigest.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

class PaperFetchedTest {

    /** Every component, those added later included, survives the copy but the text. */
    @Test
    void withoutFullTextKeepsEveryOtherComponent() throws Exception {
        PaperFetched fetched = GoldenSamples.read(EventType.PAPER_FETCHED);
        assertNotNull(fetched.fullText(), "the golden sample has a full text to drop");
        PaperFetched without = fetched.withoutFullText();
        assertNull(without.fullText());
        for (RecordComponent component : PaperFetched.class.getRecordComponents()) {
            if (!component.getName().equals("fullText")) {
                assertEquals(component.getAccessor().invoke(fetched), component.getAccessor().invoke(without),
                        component.getName());
            }
        }
    }
}

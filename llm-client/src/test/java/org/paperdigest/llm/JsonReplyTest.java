package org.paperdigest.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.langchain4j.service.output.OutputParsingException;
import org.junit.jupiter.api.Test;

class JsonReplyTest {

    static final String OBJECT = "{\"answerable\":true,\"answer\":\"本研究は{448}問を示す。\",\"evidence\":[{\"chunk\":1}]}";

    @Test
    void aBareObjectIsKeptAsItCame() {
        assertEquals(OBJECT, JsonReply.objectIn(OBJECT));
        assertEquals(OBJECT, JsonReply.objectIn("  " + OBJECT + "\n"));
    }

    @Test
    void readsTheObjectOutOfACodeFence() {
        assertEquals(OBJECT, JsonReply.objectIn("```json\n" + OBJECT + "\n```"));
        assertEquals(OBJECT, JsonReply.objectIn("```\n" + OBJECT + "\n```\n"));
    }

    @Test
    void readsTheObjectAfterALeadingSentenceAndBeforeATrailingOne() {
        assertEquals(OBJECT, JsonReply.objectIn("Here is the JSON you asked for:\n\n" + OBJECT));
        assertEquals(OBJECT, JsonReply.objectIn("Sure! " + OBJECT + "\nLet me know if you need {more}."));
    }

    @Test
    void aReplyCutOffBeforeItsObjectClosesIsRefusedNotMinedForAFragment() {
        // Holds a complete inner object ({"chunk":1}), which is not the answer.
        String cut = "```json\n" + OBJECT.substring(0, OBJECT.length() - 2);

        OutputParsingException refused = assertThrows(OutputParsingException.class, () -> JsonReply.objectIn(cut));

        assertEquals(true, refused.getMessage().startsWith("the reply's JSON object is cut off or malformed"));
    }

    @Test
    void aReplyWithoutAnObjectIsRefused() {
        assertThrows(OutputParsingException.class, () -> JsonReply.objectIn("I cannot help with that."));
        assertThrows(OutputParsingException.class, () -> JsonReply.objectIn("[1, 2]"));
    }
}

package org.paperdigest.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonReplyTest {

    static final String OBJECT = "{\"abstractJa\":\"本研究は{448}問を示す。\",\"items\":[{\"n\":1}]}";

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
        assertEquals(OBJECT, JsonReply.objectIn("Using {braces} loosely, here it is: ```json\n" + OBJECT + "```"));
    }

    @Test
    void aReplyWithoutACompleteObjectIsLeftForTheParserToReject() {
        String cut = "Here you go: " + OBJECT.substring(0, OBJECT.length() / 2);
        assertEquals(cut, JsonReply.objectIn(cut));
        assertEquals("I cannot help with that.", JsonReply.objectIn("I cannot help with that."));
        assertEquals("[1, 2]", JsonReply.objectIn("[1, 2]"));
    }
}

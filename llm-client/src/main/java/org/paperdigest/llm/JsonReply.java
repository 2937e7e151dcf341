package org.paperdigest.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.service.output.OutputParsingException;
import java.io.IOException;

/**
 * Reads the JSON object out of a reply. Servers asked for {@code json_object} instead of a schema, small local
 * models in particular, often put the object in a Markdown code fence or write a sentence before or after it; what
 * surrounds the object is dropped. The object is the one that opens at the reply's first {@code {}: a reply cut off
 * before that object closes is unusable as a whole. LangChain4j's own parser would instead take the last complete
 * object it finds, which in a cut-off reply is a fragment (one quote of an answer read as the answer, its other
 * fields left empty).
 */
final class JsonReply {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 120;

    private JsonReply() {
    }

    /**
     * @return the object as it was written
     * @throws OutputParsingException the reply holds no object, or the one it opens does not parse to its end
     */
    static String objectIn(String reply) {
        int start = reply.indexOf('{');
        if (start < 0) {
            throw new OutputParsingException("no JSON object in the reply: " + excerpt(reply), null);
        }
        try (JsonParser parser = JSON.createParser(reply.substring(start))) {
            JSON.readTree(parser);
            int end = start + (int) parser.currentLocation().getCharOffset();
            return reply.substring(start, Math.min(end, reply.length()));
        } catch (IOException e) {
            throw new OutputParsingException("the reply's JSON object is cut off or malformed: " + excerpt(reply), e);
        }
    }

    private static String excerpt(String reply) {
        String flat = reply.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }
}

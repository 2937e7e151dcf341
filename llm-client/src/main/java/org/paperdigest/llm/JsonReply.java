package org.paperdigest.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads the JSON object out of a reply. Servers asked for {@code json_object} instead of a schema, small local
 * models in particular, often wrap the object in a Markdown code fence or put a sentence before or after it. What
 * a reply holds beyond its first complete object is dropped; a reply that holds no complete object is returned as
 * it came, so that the output parser rejects it and the caller re-asks as for any unusable reply.
 */
final class JsonReply {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReply() {
    }

    /** The first JSON object in {@code reply} as it was written, or {@code reply} unchanged if it holds none. */
    static String objectIn(String reply) {
        if (reply == null) {
            return null;
        }
        for (int start = reply.indexOf('{'); start >= 0; start = reply.indexOf('{', start + 1)) {
            String object = objectAt(reply, start);
            if (object != null) {
                return object;
            }
        }
        return reply;
    }

    /** The object that starts at {@code start}, or null when none parses from there. */
    private static String objectAt(String reply, int start) {
        try (JsonParser parser = JSON.createParser(reply.substring(start))) {
            JsonNode node = JSON.readTree(parser);
            if (node == null || !node.isObject()) {
                return null;
            }
            int end = start + (int) parser.currentLocation().getCharOffset();
            return reply.substring(start, end);
        } catch (IOException e) {
            return null;
        }
    }
}

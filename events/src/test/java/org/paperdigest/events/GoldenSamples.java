package org.paperdigest.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The golden sample of each event type, shared with every producer's and consumer's tests. */
public final class GoldenSamples {

    private GoldenSamples() {
    }

    public static String json(EventType<?> type) {
        String resource = "/golden/" + type.schemaName() + ".json";
        try (InputStream in = GoldenSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing golden sample " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T extends DigestEvent> T read(EventType<T> type) {
        return EventCodec.fromJson(json(type), type);
    }
}

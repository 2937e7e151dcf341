package org.paperdigest.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenSamplesTest {

    static Stream<EventType<?>> types() {
        return EventType.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void sampleValidatesAgainstItsSchemaAndMapsToItsRecord(EventType<?> type) throws ReflectiveOperationException {
        DigestEvent event = GoldenSamples.read(type);

        assertInstanceOf(type.payload(), event);
        assertEquals(EventType.of(event), type);
        assertEquals(type.payload().getField("SCHEMA_VERSION").getInt(null), event.schemaVersion());
    }

    @ParameterizedTest
    @MethodSource("types")
    void sampleRoundTripsThroughTheRecordUnchanged(EventType<?> type) throws Exception {
        String json = GoldenSamples.json(type);

        String written = EventCodec.toJson(GoldenSamples.read(type));

        JsonNode expected = EventCodec.mapper().readTree(json);
        assertEquals(expected, EventCodec.mapper().readTree(written));
    }
}

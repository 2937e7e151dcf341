package org.paperdigest.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The one way events become JSON and back. Reading validates against the event's JSON Schema first, so a
 * consumer never acts on a half-formed payload.
 */
public final class EventCodec {

    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Tolerant reader: a newer producer may add fields; the schema still checks the ones we need.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig FORMATS_ASSERTED = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventCodec() {
    }

    public static String toJson(DigestEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }

    /** Parses and validates {@code json} as an event of {@code type}. */
    public static <T extends DigestEvent> T fromJson(String json, EventType<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException(type.schemaName() + ": empty payload");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(type.schemaName() + ": not JSON: " + e.getOriginalMessage(), e);
        }
        Set<ValidationMessage> errors = schema(type).validate(tree);
        if (!errors.isEmpty()) {
            throw new MalformedEventException(type.schemaName() + " violates its schema: " + errors.stream()
                    .map(ValidationMessage::getMessage)
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
        try {
            return MAPPER.treeToValue(tree, type.payload());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(type.schemaName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Decodes a consumed record: CloudEvents headers present and of the expected type, payload valid. */
    public static <T extends DigestEvent> ReceivedEvent<T> decode(ConsumerRecord<String, String> record,
            EventType<T> type) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        String id = header(record, CE_ID);
        if (id == null || id.isBlank()) {
            throw new MalformedEventException(where + ": no " + CE_ID + " header");
        }
        String ceType = header(record, CE_TYPE);
        if (!type.ceType().equals(ceType)) {
            throw new MalformedEventException(where + ": " + CE_TYPE + " is " + ceType + ", expected " + type.ceType());
        }
        try {
            return new ReceivedEvent<>(id, fromJson(record.value(), type));
        } catch (MalformedEventException e) {
            throw new MalformedEventException(where + ": " + e.getMessage(), e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonSchema schema(EventType<?> type) {
        return CACHE.computeIfAbsent(type.schemaName(), name -> {
            try (InputStream in = EventCodec.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("missing schema " + type.schemaResource());
                }
                return SCHEMAS.getSchema(in, FORMATS_ASSERTED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

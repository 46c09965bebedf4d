package org.qrtrace.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/** The one JSON codec for events: unknown fields are ignored, anything else malformed is rejected with a reason. */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event " + envelope.eventId(), e);
        }
    }

    public static EventEnvelope decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new EventDecodingException("empty record");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new EventDecodingException("not JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new EventDecodingException("event must be a JSON object");
        }
        String typeName = text(root, "type");
        EventType type = EventType.fromWireName(typeName)
                .orElseThrow(() -> new EventDecodingException("unknown event type '" + typeName + "'"));
        int schemaVersion = required(root, "schemaVersion").asInt(-1);
        if (schemaVersion < 1 || schemaVersion > EventType.CURRENT_SCHEMA_VERSION) {
            throw new EventDecodingException("unsupported schemaVersion " + required(root, "schemaVersion"));
        }
        JsonNode payloadNode = required(root, "payload");
        if (!payloadNode.isObject()) {
            throw new EventDecodingException("payload must be a JSON object");
        }
        try {
            UUID eventId = UUID.fromString(text(root, "eventId"));
            Instant occurredAt = Instant.parse(text(root, "occurredAt"));
            EventPayload payload = MAPPER.treeToValue(payloadNode, type.payloadClass());
            if (payload.recordKey() == null) {
                throw new EventDecodingException("payload." + payload.recordKeyField() + " is required");
            }
            return new EventEnvelope(eventId, typeName, schemaVersion, occurredAt, text(root, "producer"), payload);
        } catch (EventDecodingException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("invalid " + typeName + " payload: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new EventDecodingException("invalid envelope: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new EventDecodingException("missing field '" + field + "'");
        }
        return node;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = required(root, field);
        if (!node.isTextual()) {
            throw new EventDecodingException("field '" + field + "' must be a string");
        }
        return node.asText();
    }
}

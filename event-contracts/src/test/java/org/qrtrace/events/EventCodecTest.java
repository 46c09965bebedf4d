package org.qrtrace.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    static final UUID VENUE = UUID.fromString("3f1c2b8e-0000-4000-8000-000000000001");
    static final UUID ENTRANCE = UUID.fromString("3f1c2b8e-0000-4000-8000-000000000002");
    static final UUID CHECKIN = UUID.fromString("3f1c2b8e-0000-4000-8000-000000000003");
    static final Instant T = Instant.parse("2026-11-23T08:00:00Z");
    static final String PSEUDONYM = "a".repeat(64);

    static Stream<EventPayload> samples() {
        return Stream.of(
                new VenueRegistered(VENUE, "Bệnh viện Đa khoa Hải Dương", "HOSPITAL", "288", "225 Nguyễn Lương Bằng", 800,
                        null, 1, List.of(new VenueRegistered.Entrance(ENTRANCE, "Cổng chính", 1))),
                new VenueUpdated(VENUE, "Bệnh viện Đa khoa tỉnh Hải Dương", "HOSPITAL", "288", "225 Nguyễn Lương Bằng", 900, "SYT-HD"),
                new EntranceAdded(VENUE, ENTRANCE, "Cổng cấp cứu", 1),
                new QrKeyRotated(VENUE, ENTRANCE, 2, T.plusSeconds(86400)),
                new QrTokenRevoked(VENUE, null, 2, "venue closed"),
                new VenueClosed(VENUE, T, "closed by manager"),
                new CheckedIn(CHECKIN, VENUE, ENTRANCE, PSEUDONYM, "sealed-blob", T, T.plusSeconds(4 * 3600),
                        CheckedIn.Source.WEB, null, false,
                        new CheckedIn.Declaration(List.of("fever"), null, false),
                        List.of(new CheckedIn.Dependant("b".repeat(64), "sealed-2"))),
                new CheckedOut(CHECKIN, VENUE, PSEUDONYM, T.plusSeconds(3600), CheckedOut.Source.VISITOR),
                new ExposureSitePublished(SITE, VENUE, "Chợ Tây Ninh", "703", T.minusSeconds(7200), T.minusSeconds(3600),
                        "Tự theo dõi sức khỏe 14 ngày.", T),
                new ExposureSitePublished(SITE, VENUE, "Chợ Tây Ninh", "703", T.minusSeconds(7200), T.minusSeconds(3600), null, T),
                new ExposureSiteWithdrawn(SITE, VENUE, T.plusSeconds(60)),
                new ContactNotified(NOTIFICATION, CASE, ContactNotified.Tier.F1, VENUE, "703", ContactNotified.Status.DELIVERED, T),
                new AdminUnitPopulationSet("2025-03-01", "30", 1_705_059, 2021, "Quyết định của UBND tỉnh Hải Dương", T));

    }

    static final UUID SITE = UUID.fromString("3f1c2b8e-0000-4000-8000-000000000004");
    static final UUID NOTIFICATION = UUID.fromString("3f1c2b8e-0000-4000-8000-000000000005");
    static final UUID CASE = UUID.fromString("3f1c2b8e-0000-4000-8000-000000000006");

    /** Property names that would identify a person or a case's reference. */
    static final Set<String> PERSONAL = Set.of("phone", "pseudonym", "sealedContact", "name", "caseReference",
            "contactId", "createdBy", "publishedBy", "withdrawnBy", "subject");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySchemaListsExactlyItsRecordsFields(EventType type) throws Exception {
        JsonNode schema = schemaJson("/schemas/payload/" + type.wireName() + ".schema.json");
        Set<String> properties = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = new TreeSet<>();
        for (RecordComponent c : type.payloadClass().getRecordComponents()) {
            components.add(c.getName());
        }
        assertEquals(components, properties, type.wireName());
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"EXPOSURE_SITE_PUBLISHED", "EXPOSURE_SITE_WITHDRAWN", "CONTACT_NOTIFIED"})
    void tracingEventsCarryNoPhoneNoPseudonymAndNoCaseReference(EventType type) throws Exception {
        assertEquals(Topics.TRACING_EVENTS, type.topic());
        Set<String> names = new TreeSet<>();
        collectPropertyNames(schemaJson("/schemas/payload/" + type.wireName() + ".schema.json"), names);
        for (String name : names) {
            assertFalse(PERSONAL.contains(name), type.wireName() + " has a property '" + name + "'");
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            assertFalse(lower.contains("phone") || lower.contains("pseudonym") || lower.contains("reference")
                    || lower.contains("sealed"), type.wireName() + " has a property '" + name + "'");
        }
    }

    @Test
    void everyTopicOfAnEventTypeIsCreatedAndTheEnvelopeNamesEveryType() throws Exception {
        Set<String> created = new TreeSet<>();
        Topics.ALL.forEach(t -> created.add(t.name()));
        Set<String> inEnvelope = new TreeSet<>();
        schemaJson("/schemas/envelope.schema.json").get("properties").get("type").get("enum")
                .forEach(n -> inEnvelope.add(n.asText()));
        for (EventType type : EventType.values()) {
            assertTrue(created.contains(type.topic()), type + ": topic " + type.topic() + " is not in Topics.ALL");
            assertTrue(inEnvelope.contains(type.wireName()), type + " is not in the envelope schema's type enum");
        }
    }

    private static void collectPropertyNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fieldNames().forEachRemaining(names::add);
            }
            node.elements().forEachRemaining(child -> collectPropertyNames(child, names));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectPropertyNames(child, names));
        }
    }

    private static JsonNode schemaJson(String path) throws Exception {
        try (InputStream in = EventCodecTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path + " is missing");
            return EventCodec.mapper().readTree(in);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripKeepsEveryField(EventPayload payload) {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), T, "test", payload);
        EventEnvelope decoded = EventCodec.decode(EventCodec.encode(envelope));
        assertEquals(envelope, decoded);
        assertEquals(payload instanceof AdminUnitPopulationSet p ? p.code() : VENUE.toString(), decoded.key());
    }

    @Test
    void aPopulationEventConcernsNoVenueAndIsKeyedByItsUnit() throws Exception {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), T, "test",
                new AdminUnitPopulationSet("2025-07-01", "31", 4_664_124, 2025, "UBND thành phố Hải Phòng", T));
        assertEquals("31", envelope.key());
        assertEquals(Topics.VENUE_EVENTS, envelope.topic());
        JsonNode json = EventCodec.mapper().readTree(EventCodec.encode(envelope));
        assertEquals(Set.of("edition", "code", "count", "year", "source", "setAt"), fieldNames(json.get("payload")),
                "no venueId, and nothing but the record's fields");
        ((ObjectNode) json.get("payload")).remove("code");
        EventDecodingException e = assertThrows(EventDecodingException.class,
                () -> EventCodec.decode(json.toString().getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("payload.code"), e.getMessage());
        Set<ValidationMessage> errors = schema("/schemas/envelope.schema.json").validate(json);
        assertTrue(errors.stream().anyMatch(m -> m.getMessage().contains("code")), errors::toString);
    }

    @Test
    void theEnvelopeSchemaStillRequiresAVenueOfEveryOtherEvent() throws Exception {
        JsonNode json = EventCodec.mapper().readTree(EventCodec.encode(
                EventEnvelope.of(UUID.randomUUID(), T, "test", new VenueClosed(VENUE, T, "x"))));
        ((ObjectNode) json.get("payload")).remove("venueId");
        Set<ValidationMessage> errors = schema("/schemas/envelope.schema.json").validate(json);
        assertTrue(errors.stream().anyMatch(m -> m.getMessage().contains("venueId")), errors::toString);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void encodedEventsMatchTheirJsonSchemas(EventPayload payload) throws Exception {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), T, "test", payload);
        JsonNode json = EventCodec.mapper().readTree(EventCodec.encode(envelope));
        assertValid("/schemas/envelope.schema.json", json);
        assertValid("/schemas/payload/" + envelope.type() + ".schema.json", json.get("payload"));
    }

    @Test
    void schemasRejectAPayloadMissingARequiredField() throws Exception {
        JsonNode json = EventCodec.mapper().readTree(
                "{\"venueId\":\"" + VENUE + "\",\"checkinId\":\"" + CHECKIN + "\",\"pseudonym\":\"" + PSEUDONYM + "\"}");
        Set<ValidationMessage> errors = schema("/schemas/payload/CheckedOut.schema.json").validate(json);
        assertTrue(errors.stream().anyMatch(m -> m.getMessage().contains("checkedOutAt")), errors::toString);
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), T, "test", new VenueClosed(VENUE, T, "x"));
        ObjectNode json = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(envelope));
        json.put("addedInAFutureVersion", 42);
        ((ObjectNode) json.get("payload")).put("alsoNew", "yes");
        EventEnvelope decoded = EventCodec.decode(json.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(envelope, decoded);
    }

    @Test
    void deterministicIdsAreStableAndDistinct() {
        assertEquals(EventEnvelope.deterministicId("checkin", "k1"), EventEnvelope.deterministicId("checkin", "k1"));
        assertTrue(!EventEnvelope.deterministicId("checkin", "k1").equals(EventEnvelope.deterministicId("checkin", "k2")));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbageIsRejectedWithAClearReason(String record, String expectedReason) {
        EventDecodingException e = assertThrows(EventDecodingException.class,
                () -> EventCodec.decode(record.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(expectedReason), () -> e.getMessage() + " should mention " + expectedReason);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> garbage() {
        String ok = "\"eventId\":\"" + UUID.randomUUID() + "\",\"schemaVersion\":1,\"occurredAt\":\"2026-11-23T08:00:00Z\",\"producer\":\"p\"";
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("", "empty record"),
                org.junit.jupiter.params.provider.Arguments.of("not json", "not JSON"),
                org.junit.jupiter.params.provider.Arguments.of("[1,2]", "JSON object"),
                org.junit.jupiter.params.provider.Arguments.of("{" + ok + ",\"type\":\"Nope\",\"payload\":{}}", "unknown event type"),
                org.junit.jupiter.params.provider.Arguments.of("{" + ok + ",\"type\":\"VenueClosed\"}", "payload"),
                org.junit.jupiter.params.provider.Arguments.of("{" + ok.replace("\"schemaVersion\":1", "\"schemaVersion\":99")
                        + ",\"type\":\"VenueClosed\",\"payload\":{\"venueId\":\"" + VENUE + "\"}}", "schemaVersion"),
                org.junit.jupiter.params.provider.Arguments.of("{" + ok + ",\"type\":\"VenueClosed\",\"payload\":{}}", "venueId"),
                org.junit.jupiter.params.provider.Arguments.of("{" + ok + ",\"type\":\"VenueClosed\",\"payload\":{\"venueId\":\"not-a-uuid\"}}", "VenueClosed"),
                org.junit.jupiter.params.provider.Arguments.of("{" + ok.replace("2026-11-23T08:00:00Z", "yesterday")
                        + ",\"type\":\"VenueClosed\",\"payload\":{\"venueId\":\"" + VENUE + "\"}}", "invalid envelope"));
    }

    private static JsonSchema schema(String path) throws Exception {
        try (InputStream in = EventCodecTest.class.getResourceAsStream(path)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static void assertValid(String schemaPath, JsonNode json) throws Exception {
        Set<ValidationMessage> errors = schema(schemaPath).validate(json);
        assertTrue(errors.isEmpty(), () -> schemaPath + ": " + errors);
    }
}

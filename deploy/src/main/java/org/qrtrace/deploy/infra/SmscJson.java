package org.qrtrace.deploy.infra;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/**
 * The local SMSC's JSON, through one provider looked up once: {@code jakarta.json.Json}'s static methods look the
 * provider up with a ServiceLoader on every call, which at one object per message made a log of ~40,000 messages take
 * minutes to serve (docs/reliability.md, the notification fault run).
 */
final class SmscJson {

    static final JsonProvider PROVIDER = JsonProvider.provider();
    static final JsonGeneratorFactory PRETTY = PROVIDER.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private SmscJson() {
    }

    /** One JSON-lines line (without its newline). */
    static String line(JsonObject object) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = PROVIDER.createWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    /** @throws jakarta.json.JsonException or ClassCastException when the line is not one JSON object */
    static JsonObject parse(String line) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }
}

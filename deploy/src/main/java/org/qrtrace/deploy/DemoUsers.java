package org.qrtrace.deploy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * DEVELOPMENT ONLY: what the local Keycloak adds to the realm production imports. The realm
 * ({@code deploy/k8s/base/keycloak/qrtrace-realm.json}: roles, the console's client, the user profile) has no users;
 * {@code deploy/keycloak/demo-realm.json} holds the demo users and the password-grant client {@code qrtrace-cli}, and
 * {@link #realmWithDemo} appends them for the local stack's import. The demo users are written to
 * {@code demo-users.json} as {@code {role: {username, password, ...claims}}} so that people and tests can sign in.
 * The first user of a role is listed under the role's name; another of the same role under
 * {@code ROLE-other-province} (health officers) or {@code ROLE-2}.
 */
public final class DemoUsers {

    public static final String FILE = "demo-users.json";

    private DemoUsers() {
    }

    /**
     * The realm with the demo part added: each array of {@code demo} (clients, users) appended to the realm's array of
     * the same name, any other member of {@code demo} added. A member both have that is not an array is an error.
     */
    public static String realmWithDemo(String realmJson, String demoJson) {
        JsonObject realm = read(realmJson);
        JsonObjectBuilder merged = Json.createObjectBuilder(realm);
        for (Map.Entry<String, JsonValue> member : read(demoJson).entrySet()) {
            JsonValue existing = realm.get(member.getKey());
            if (existing == null) {
                merged.add(member.getKey(), member.getValue());
            } else if (existing instanceof JsonArray array && member.getValue() instanceof JsonArray more) {
                merged.add(member.getKey(), Json.createArrayBuilder(array).addAll(Json.createArrayBuilder(more)));
            } else {
                throw new IllegalArgumentException("the demo realm redefines " + member.getKey());
            }
        }
        return pretty(merged.build());
    }

    /** Writes the local stack's realm import: the production realm with the demo users and client. */
    static void writeRealm(Path out, Path realmFile, Path demoFile) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        DevKeys.writeAtomically(out, realmWithDemo(Files.readString(realmFile), Files.readString(demoFile)));
    }

    /** The demo users of a realm (or of the demo part of one), by role, with the issuer and the command-line client. */
    public static JsonObject of(String realmJson, String issuer) {
        JsonObject realm = read(realmJson);
        JsonObjectBuilder out = Json.createObjectBuilder();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonValue value : realm.getJsonArray("users")) {
            JsonObject user = value.asJsonObject();
            String role = user.getJsonArray("realmRoles").getString(0);
            int n = seen.merge(role, 1, Integer::sum);
            String key = n == 1 ? role : n == 2 && "health-officer".equals(role) ? role + "-other-province" : role + "-" + n;
            JsonObjectBuilder entry = Json.createObjectBuilder()
                    .add("username", user.getString("username"))
                    .add("password", password(user))
                    .add("name", user.getString("firstName") + " " + user.getString("lastName"));
            JsonObject attributes = user.getJsonObject("attributes");
            if (attributes != null) {
                for (Map.Entry<String, JsonValue> a : attributes.entrySet()) {
                    JsonArray values = a.getValue().asJsonArray();
                    entry.add(a.getKey(), "venues".equals(a.getKey()) ? values : values.get(0));
                }
            }
            out.add(key, entry);
        }
        out.add("keycloak", Json.createObjectBuilder().add("issuer", issuer)
                .add("tokenEndpoint", issuer + "/protocol/openid-connect/token").add("cliClientId", "qrtrace-cli"));
        return out.build();
    }

    static void write(Path stackDir, Path realmFile, String issuer) throws IOException {
        DevKeys.writeAtomically(stackDir.resolve(FILE), pretty(of(Files.readString(realmFile), issuer)));
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String pretty(JsonObject object) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString().strip() + "\n";
    }

    private static String password(JsonObject user) {
        for (JsonValue c : user.getJsonArray("credentials")) {
            if ("password".equals(c.asJsonObject().getString("type"))) {
                return ((JsonString) c.asJsonObject().get("value")).getString();
            }
        }
        throw new IllegalArgumentException("demo user " + user.getString("username") + " has no password");
    }
}

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
 * DEVELOPMENT ONLY: the demo users of the local Keycloak's realm ({@code deploy/keycloak/qrtrace-realm.json}), written
 * to {@code demo-users.json} as {@code {role: {username, password, ...claims}}} so that people and tests can sign in.
 * The first user of a role is listed under the role's name; another of the same role under
 * {@code ROLE-other-province} (health officers) or {@code ROLE-2}.
 */
public final class DemoUsers {

    public static final String FILE = "demo-users.json";

    private DemoUsers() {
    }

    /** The demo users of a realm file, by role, with the issuer and the command-line client's id. */
    public static JsonObject of(String realmJson, String issuer) {
        JsonObject realm;
        try (JsonReader reader = Json.createReader(new StringReader(realmJson))) {
            realm = reader.readObject();
        }
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
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.writeObject(of(Files.readString(realmFile), issuer));
        }
        DevKeys.writeAtomically(stackDir.resolve(FILE), text.toString().strip() + "\n");
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

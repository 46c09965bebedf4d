package org.qrtrace.deploy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed realm (production's, deploy/k8s/base/keycloak/qrtrace-realm.json), its demo part
 * (deploy/keycloak/demo-realm.json) and what run-local makes of them.
 */
class DemoUsersTest {

    private static final Path REALM = Path.of("k8s", "base", "keycloak", "qrtrace-realm.json");
    private static final Path DEMO = Path.of("keycloak", "demo-realm.json");

    @Test
    void listsADemoUserOfEveryRoleAndTwoOfficersOfDifferentProvinces() throws Exception {
        JsonObject users = DemoUsers.of(Files.readString(DEMO), "http://127.0.0.1:8180/realms/qrtrace");

        assertEquals("officer-hd", users.getJsonObject("health-officer").getString("username"));
        assertEquals("demo-officer-hd", users.getJsonObject("health-officer").getString("password"));
        assertEquals("30", users.getJsonObject("health-officer").getString("jurisdiction"));
        assertEquals("01", users.getJsonObject("health-officer-other-province").getString("jurisdiction"));
        assertEquals("demo-org", users.getJsonObject("venue-manager").getString("org"));
        assertEquals("admin-demo", users.getJsonObject("admin").getString("username"));
        assertEquals("gate-demo", users.getJsonObject("gate-device").getString("username"));
        assertEquals("http://127.0.0.1:8180/realms/qrtrace/protocol/openid-connect/token",
                users.getJsonObject("keycloak").getString("tokenEndpoint"));
    }

    @Test
    void productionsRealmHasNoUsersAndNoPasswordGrantClientTheLocalStacksHasBoth() throws Exception {
        JsonObject production = read(Files.readString(REALM));
        assertFalse(production.containsKey("users"), "production's realm creates no users");
        assertEquals(List.of("officer-console"), clientIds(production));
        assertFalse(Files.readString(REALM).contains("demo"), "nothing of the demo in production's realm");

        JsonObject local = read(DemoUsers.realmWithDemo(Files.readString(REALM), Files.readString(DEMO)));
        assertEquals(List.of("officer-console", "qrtrace-cli"), clientIds(local));
        assertEquals(5, local.getJsonArray("users").size());
        assertEquals(production.get("roles"), local.get("roles"));
        assertEquals(production.get("components"), local.get("components"), "the same user profile");
    }

    @Test
    void theDemoPartMayAddButNotRedefine() {
        String realm = "{\"realm\": \"qrtrace\", \"clients\": [{\"clientId\": \"a\"}]}";
        assertEquals(List.of("a", "b"), clientIds(read(DemoUsers.realmWithDemo(realm,
                "{\"clients\": [{\"clientId\": \"b\"}]}"))));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DemoUsers.realmWithDemo(realm, "{\"realm\": \"other\"}"));
        assertTrue(refused.getMessage().contains("realm"), refused.getMessage());
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static List<String> clientIds(JsonObject realm) {
        return realm.getJsonArray("clients").stream().map(c -> c.asJsonObject().getString("clientId")).toList();
    }

    /** Keycloak fills the realm's ${...} placeholders from its environment: lib.sh must set every one of them. */
    @Test
    void everyPlaceholderOfTheRealmIsSetWhereKeycloakIsLaunched() throws Exception {
        Set<String> placeholders = placeholders(REALM);
        assertEquals(Set.of("QRTRACE_CONSOLE_CLIENT_SECRET", "QRTRACE_CONSOLE_URL", "QRTRACE_KEYCLOAK_SSL_REQUIRED"),
                placeholders);
        String lib = Files.readString(Path.of("lib.sh"));
        String keycloakLaunch = lib.substring(lib.indexOf("      keycloak)"), lib.indexOf("      officer-console)"));
        DevSecrets secrets = DevSecrets.loadOrCreate(Files.createTempDirectory("secrets"));
        for (String name : placeholders) {
            boolean generated = hasSecret(secrets, name) && !keycloakLaunch.contains("-u " + name);
            assertTrue(keycloakLaunch.contains(name + "=") || generated, name + " is not set for Keycloak");
        }
    }

    /** The {@code ${NAME}} placeholders of a realm file, which Keycloak fills from its environment at the import. */
    static Set<String> placeholders(Path realm) throws java.io.IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(Files.readString(realm));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static boolean hasSecret(DevSecrets secrets, String name) {
        try {
            return !secrets.get(name).isEmpty();
        } catch (IllegalStateException missing) {
            return false;
        }
    }
}

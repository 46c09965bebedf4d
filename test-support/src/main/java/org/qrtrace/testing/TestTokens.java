package org.qrtrace.testing;

import org.qrtrace.deploy.DevKeys;
import org.qrtrace.deploy.DevSecrets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * JWTs for tests, signed with the test dev key the services under test trust, and the generated test secrets (a test
 * that plays another service's part, e.g. sealing contacts as checkin-service does, reads that service's secret here).
 */
public final class TestTokens {

    /** Relative to the module under test (Surefire's working directory). */
    static final Path TEST_KEYS_DIR = Path.of("target", "test-keys");

    private TestTokens() {
    }

    public static String admin() {
        return keys().mint("admin", null, null, null, Duration.ofHours(1));
    }

    public static String venueManager(Object... venueIds) {
        List<String> ids = Arrays.stream(venueIds).map(String::valueOf).toList();
        return keys().mint("venue-manager", ids, null, null, Duration.ofHours(1));
    }

    public static String venueManagerOfOrganisation(String organisation) {
        return keys().mint("venue-manager", null, null, organisation, Duration.ofHours(1));
    }

    public static String healthOfficer(String jurisdiction) {
        return keys().mint("health-officer", null, jurisdiction, null, Duration.ofHours(1));
    }

    public static String gateDevice(Object venueId) {
        return keys().mint("gate-device", List.of(String.valueOf(venueId)), null, null, Duration.ofHours(1));
    }

    /** A gate device with its own identity (token subject), e.g. to show per-device limits. */
    public static String gateDevice(String subject, Object venueId) {
        return keys().mint(subject, "gate-device", List.of(String.valueOf(venueId)), null, null, Duration.ofHours(1));
    }

    /** Any role with any claims. */
    public static String token(String role, List<String> venues, String jurisdiction, String organisation) {
        return keys().mint(role, venues, jurisdiction, organisation, Duration.ofHours(1));
    }

    public static String expired(String role) {
        return keys().mint(role, null, null, null, Duration.ofSeconds(-120));
    }

    /** The development secrets of the services under test ({@link RealInfraTestResource} hands each its own). */
    public static DevSecrets secrets() {
        return DevSecrets.loadOrCreate(TEST_KEYS_DIR);
    }

    private static DevKeys keys() {
        return DevKeys.loadOrCreate(TEST_KEYS_DIR);
    }
}

package org.qrtrace.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * DEVELOPMENT ONLY: the services' secrets (pseudonym pepper, contact-sealing key pair, QR signing-key master key, DB
 * passwords, the local SMSC's SMPP password, the officer console's client secret, Keycloak's first admin password), generated once into {@code secrets.env} in a folder that is never
 * committed; a secret added in a later version is appended to an existing file, the others kept. Production takes the
 * same environment variables from its secret store.
 */
public final class DevSecrets {

    public static final String FILE = "secrets.env";
    private final Map<String, String> values;

    private DevSecrets(Map<String, String> values) {
        this.values = values;
    }

    public static synchronized DevSecrets loadOrCreate(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                StringBuilder sb = new StringBuilder("# DEVELOPMENT secrets, generated; never commit, never use in production.\n");
                generate().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
                DevKeys.writeAtomically(file, sb.toString());
            }
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file)));
            Map<String, String> added = new LinkedHashMap<>(generate());
            added.keySet().removeAll(p.stringPropertyNames());
            if (!added.isEmpty()) {
                StringBuilder sb = new StringBuilder(Files.readString(file));
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                    sb.append('\n');
                }
                added.forEach((k, v) -> {
                    sb.append(k).append('=').append(v).append('\n');
                    p.setProperty(k, v);
                });
                DevKeys.writeAtomically(file, sb.toString());
            }
            Map<String, String> values = new LinkedHashMap<>();
            p.stringPropertyNames().stream().sorted().forEach(k -> values.put(k, p.getProperty(k)));
            return new DevSecrets(values);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load or create dev secrets in " + dir, e);
        }
    }

    private static Map<String, String> generate() throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("QRTRACE_PEPPER", randomBase64(random, 32));
        KeyPair seal = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        m.put("QRTRACE_SEAL_PUBLIC_KEY", Base64.getEncoder().encodeToString(seal.getPublic().getEncoded()));
        m.put("QRTRACE_SEAL_PRIVATE_KEY", Base64.getEncoder().encodeToString(seal.getPrivate().getEncoded()));
        m.put("QRTRACE_QR_MASTER_KEY", randomBase64(random, 32));
        m.put("VENUE_DB_PASSWORD", randomBase64(random, 18).replace('/', '_').replace('+', '-'));
        m.put("TRACING_DB_PASSWORD", randomBase64(random, 18).replace('/', '_').replace('+', '-'));
        // SMPP 3.4 caps a bind password at 8 characters.
        m.put("QRTRACE_SMPP_PASSWORD", randomAlphanumeric(random, 8));
        // Keycloak: the officer console's client secret (realm qrtrace) and the first admin's password (master realm).
        m.put("QRTRACE_CONSOLE_CLIENT_SECRET", randomAlphanumeric(random, 32));
        m.put("KC_BOOTSTRAP_ADMIN_PASSWORD", randomAlphanumeric(random, 16));
        return m;
    }

    private static String randomAlphanumeric(SecureRandom random, int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String randomBase64(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    public String get(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalStateException(name + " missing from " + FILE);
        }
        return v;
    }

    public String dbPassword(org.qrtrace.deploy.infra.ServiceDatabase db) {
        return get(db.database().toUpperCase() + "_DB_PASSWORD");
    }

    /**
     * The secrets one service is handed, as its configuration properties: only its own, the split {@code deploy/lib.sh}
     * makes when it launches the services (venue: the QR master key; checkin: the pepper and the sealing public key;
     * tracing: the pepper, the sealing private key and the SMPP password). Database passwords go with {@link #dbPassword}.
     *
     * @param service {@code venue}, {@code checkin} or {@code tracing}
     */
    public Map<String, String> serviceConfig(String service) {
        return switch (service) {
            case "venue" -> Map.of("qrtrace.qr.master-key", get("QRTRACE_QR_MASTER_KEY"));
            case "checkin" -> Map.of("qrtrace.pepper", get("QRTRACE_PEPPER"),
                    "qrtrace.seal.public-key", get("QRTRACE_SEAL_PUBLIC_KEY"));
            case "tracing" -> Map.of("qrtrace.pepper", get("QRTRACE_PEPPER"),
                    "qrtrace.seal.private-key", get("QRTRACE_SEAL_PRIVATE_KEY"),
                    "qrtrace.tracing.smpp.password", get("QRTRACE_SMPP_PASSWORD"));
            default -> throw new IllegalArgumentException("unknown service " + service + " (venue, checkin or tracing)");
        };
    }
}

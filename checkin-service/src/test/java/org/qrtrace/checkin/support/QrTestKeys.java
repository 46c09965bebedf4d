package org.qrtrace.checkin.support;

import org.qrtrace.events.qr.QrKeys;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The QR signing keys of the tests, in a file shared by the venue-service stub (which publishes the public halves)
 * and the tests (which sign tokens), so that a key added by a test is served at once, like a key venue-service just
 * created.
 */
public final class QrTestKeys {

    static final Path FILE = Path.of("target", "test-qr-keys", "keys.properties");
    public static final String PRIMARY = "test-k1";

    private QrTestKeys() {
    }

    /** The always-present signing key. */
    public static synchronized PrivateKey primary() {
        Map<String, String> all = load();
        if (!all.containsKey(PRIMARY)) {
            add(PRIMARY);
            all = load();
        }
        return privateKey(all.get(PRIMARY));
    }

    /** Creates and publishes a new key. */
    public static synchronized PrivateKey add(String kid) {
        KeyPair pair = QrKeys.generate();
        Map<String, String> all = load();
        all.put(kid, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + " "
                + QrKeys.toJwkX(pair.getPublic()));
        StringBuilder sb = new StringBuilder();
        all.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(FILE.getParent());
            Path tmp = FILE.resolveSibling("keys.tmp");
            Files.writeString(tmp, sb.toString());
            Files.move(tmp, FILE, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pair.getPrivate();
    }

    /** kid -> JWK x of every published key. */
    static synchronized Map<String, String> published() {
        Map<String, String> out = new LinkedHashMap<>();
        load().forEach((k, v) -> out.put(k, v.split(" ")[1]));
        return out;
    }

    private static Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.exists(FILE)) {
            return out;
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(FILE)));
            p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey privateKey(String entry) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(entry.split(" ")[0])));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

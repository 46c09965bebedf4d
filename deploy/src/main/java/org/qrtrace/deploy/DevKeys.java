package org.qrtrace.deploy;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * DEVELOPMENT ONLY: the RSA key pair that signs dev JWTs, generated on first use into a folder that is never committed
 * ({@code target/...}). Production verifies tokens of the real identity provider with its public key.
 */
public final class DevKeys {

    public static final String ISSUER = "https://qrtrace.local/dev";
    private static final String PRIVATE_FILE = "jwt-private.pem";
    private static final String PUBLIC_FILE = "jwt-public.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private DevKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static synchronized DevKeys loadOrCreate(Path dir) {
        try {
            Path priv = dir.resolve(PRIVATE_FILE);
            Path pub = dir.resolve(PUBLIC_FILE);
            if (!Files.exists(priv) || !Files.exists(pub)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                writeAtomically(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                writeAtomically(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new DevKeys(rsa.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(priv)))),
                    rsa.generatePublic(new X509EncodedKeySpec(unpem(Files.readString(pub)))));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load or create dev JWT keys in " + dir, e);
        }
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /**
     * A dev token for a role, with the claims that scope it (venue ids, jurisdiction, organisation). Its subject is
     * {@code dev-ROLE}, except a gate device's, which is {@code dev-gate-device-VENUE} so that each venue's dev device
     * is a device of its own (rate limits count per device).
     */
    public String mint(String role, List<String> venues, String jurisdiction, String organisation, Duration ttl) {
        String subject = "gate-device".equals(role) && venues != null && !venues.isEmpty()
                ? "dev-gate-device-" + venues.get(0) : "dev-" + role;
        return mint(subject, role, venues, jurisdiction, organisation, ttl);
    }

    /** A dev token with a chosen subject (the principal's name), for a role and the claims that scope it. */
    public String mint(String subject, String role, List<String> venues, String jurisdiction, String organisation,
                       Duration ttl) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .expiresIn(ttl);
        if (venues != null && !venues.isEmpty()) {
            claims.claim("venues", venues);
        }
        if (jurisdiction != null) {
            claims.claim("jurisdiction", jurisdiction);
        }
        if (organisation != null) {
            claims.claim("org", organisation);
        }
        return claims.jws().keyId("dev").sign(privateKey);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(tmp, content);
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

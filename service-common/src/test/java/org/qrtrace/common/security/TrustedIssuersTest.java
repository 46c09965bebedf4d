package org.qrtrace.common.security;

import com.sun.net.httpserver.HttpServer;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services trust the development signer (the configured key and issuer) and the identity provider named by its
 * issuer, whose keys come from its discovery document: here a small HTTP server plays the provider's two documents.
 */
class TrustedIssuersTest {

    private static final String DEV_ISSUER = "https://qrtrace.local/dev";
    private static HttpServer server;
    private static String issuer;
    private static final AtomicReference<String> discoveryIssuer = new AtomicReference<>();
    private static KeyPair idpKey;
    private static KeyPair devKey;

    @BeforeAll
    static void identityProvider() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        idpKey = rsa.generateKeyPair();
        devKey = rsa.generateKeyPair();
        RsaJsonWebKey jwk = new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) idpKey.getPublic());
        jwk.setKeyId("idp-key-1");
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        jwk.setUse("sig");
        String jwks = new JsonWebKeySet(jwk).toJson();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/qrtrace";
        discoveryIssuer.set(issuer);
        server.createContext("/realms/qrtrace/.well-known/openid-configuration", exchange -> {
            byte[] body = ("{\"issuer\":\"" + discoveryIssuer.get() + "\",\"jwks_uri\":\"" + issuer
                    + "/protocol/openid-connect/certs\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/realms/qrtrace/protocol/openid-connect/certs", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void acceptsTheIdentityProvidersTokenWithItsRolesAndClaims() throws Exception {
        JWTCallerPrincipal principal = new TrustedIssuers(Optional.of(issuer))
                .parse(sign(idpKey, "idp-key-1", issuer, TrustedIssuers.AUDIENCE), devContext());

        assertEquals("officer-hd", principal.getName());
        assertEquals(java.util.Set.of("health-officer"), principal.getGroups());
        assertEquals("30", principal.getClaim(Claims.JURISDICTION).toString());
    }

    /** Kubernetes: the realm's public address is the issuer; the services read its documents at the internal one. */
    @Test
    void readsTheProvidersDocumentsAtItsInternalAddressWhenOneIsGiven() throws Exception {
        String publicIssuer = "https://id.qrtrace.example/realms/qrtrace"; // not reachable from here
        discoveryIssuer.set(publicIssuer);
        try {
            JWTCallerPrincipal principal = new TrustedIssuers(Optional.of(publicIssuer), Optional.of(issuer + "/"))
                    .parse(sign(idpKey, "idp-key-1", publicIssuer, TrustedIssuers.AUDIENCE), devContext());
            assertEquals("officer-hd", principal.getName());

            // the internal document must still name the public issuer
            ParseException e = assertThrows(ParseException.class, () -> new TrustedIssuers(Optional.of(
                    "https://other.example/realms/qrtrace"), Optional.of(issuer)).parse(sign(idpKey, "idp-key-1",
                    "https://other.example/realms/qrtrace", TrustedIssuers.AUDIENCE), devContext()));
            assertTrue(e.getMessage().contains("another issuer"), e.getMessage());
        } finally {
            discoveryIssuer.set(issuer);
        }
    }

    @Test
    void keepsAcceptingTheDevelopmentSigner() throws Exception {
        JWTCallerPrincipal principal = new TrustedIssuers(Optional.of(issuer))
                .parse(sign(devKey, null, DEV_ISSUER, null), devContext());

        assertEquals("officer-hd", principal.getName());
        assertEquals(java.util.Set.of("health-officer"), principal.getGroups());
    }

    @Test
    void refusesATokenNamingTheProviderButSignedByAnotherKey() {
        TrustedIssuers trusted = new TrustedIssuers(Optional.of(issuer));

        assertThrows(ParseException.class,
                () -> trusted.parse(sign(devKey, "idp-key-1", issuer, TrustedIssuers.AUDIENCE), devContext()));
    }

    @Test
    void refusesTheProvidersTokenMeantForAnotherAudience() {
        TrustedIssuers trusted = new TrustedIssuers(Optional.of(issuer));

        assertThrows(ParseException.class,
                () -> trusted.parse(sign(idpKey, "idp-key-1", issuer, "account"), devContext()));
    }

    @Test
    void refusesTheProvidersTokenWhenNoProviderIsConfigured() {
        TrustedIssuers trusted = new TrustedIssuers(Optional.empty());

        assertThrows(ParseException.class,
                () -> trusted.parse(sign(idpKey, "idp-key-1", issuer, TrustedIssuers.AUDIENCE), devContext()));
    }

    @Test
    void refusesATokenOfAnUnknownIssuerSignedByTheProvidersKey() {
        TrustedIssuers trusted = new TrustedIssuers(Optional.of(issuer));

        assertThrows(ParseException.class, () -> trusted.parse(
                sign(idpKey, "idp-key-1", "http://127.0.0.1:1/realms/other", TrustedIssuers.AUDIENCE), devContext()));
    }

    @Test
    void refusesADiscoveryDocumentThatNamesAnotherIssuer() {
        discoveryIssuer.set("http://elsewhere.example/realms/qrtrace");
        try {
            ParseException e = assertThrows(ParseException.class, () -> TrustedIssuers.jwksUri(issuer, issuer));
            assertEquals(true, e.getMessage().contains("names another issuer"), e.getMessage());
        } finally {
            discoveryIssuer.set(issuer);
        }
    }

    @Test
    void readsTheIssuerOfATokenOnlyWhenThereIsOne() throws Exception {
        assertEquals(issuer, TrustedIssuers.unverifiedIssuer(sign(idpKey, "k", issuer + "/", null)));
        assertEquals(null, TrustedIssuers.unverifiedIssuer("not-a-token"));
        assertEquals(null, TrustedIssuers.unverifiedIssuer("a.%%%.c"));
        assertEquals(null, TrustedIssuers.unverifiedIssuer(null));
    }

    private static JWTAuthContextInfo devContext() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(devKey.getPublic(), DEV_ISSUER);
        context.setGroupsPath("groups");
        return context;
    }

    private static String sign(KeyPair key, String keyId, String tokenIssuer, String audience) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(tokenIssuer);
        claims.setSubject("5b0e7c1e-subject");
        claims.setClaim("preferred_username", "officer-hd");
        claims.setStringListClaim("groups", List.of("health-officer"));
        claims.setClaim(Claims.JURISDICTION, "30");
        if (audience != null) {
            claims.setAudience(audience);
        }
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        if (keyId != null) {
            jws.setKeyIdHeaderValue(keyId);
        }
        return jws.getCompactSerialization();
    }
}

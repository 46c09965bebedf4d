package org.qrtrace.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two signers the services trust, chosen by the token's issuer (docs/architecture.md, "Security"):
 * <ul>
 *   <li>the identity provider named by {@code qrtrace.security.oidc-issuer} (Keycloak's realm {@code qrtrace} in the
 *       local stack): its keys come from the {@code jwks_uri} of its OpenID discovery document, read on the first of
 *       its tokens (and again after a failure) and refreshed by SmallRye JWT; its tokens must name the audience
 *       {@value #AUDIENCE}. Where the issuer's public address is not the way to the provider from inside (Kubernetes:
 *       the pods reach Keycloak as {@code http://keycloak:8080}), {@code qrtrace.security.oidc-internal-url} names the
 *       realm's internal address: the discovery document is read there, must still name the public issuer, and its
 *       {@code jwks_uri} is then the provider's internal one (Keycloak's {@code hostname-backchannel-dynamic});</li>
 *   <li>any other token is verified as before, against {@code mp.jwt.verify.publickey[.location]} and
 *       {@code mp.jwt.verify.issuer}: the development signer of the local stack and of the tests.</li>
 * </ul>
 * The issuer is read from the unverified token only to choose the verifier; each verifier then checks the signature
 * with its own keys and the issuer again, so a token naming the identity provider but signed by another key fails.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class TrustedIssuers extends JWTCallerPrincipalFactory {

    /** The audience the identity provider puts into tokens meant for the services (a realm audience mapper). */
    public static final String AUDIENCE = "qrtrace-services";
    private static final Logger LOG = Logger.getLogger(TrustedIssuers.class);
    private static final Duration DISCOVERY_TIMEOUT = Duration.ofSeconds(5);

    private final Optional<String> oidcIssuer;
    private final Optional<String> oidcInternalUrl;
    private final DefaultJWTCallerPrincipalFactory configured = new DefaultJWTCallerPrincipalFactory();
    /** Its own factory: SmallRye JWT keeps the key resolver (and its JWKS cache) per factory. */
    private final DefaultJWTCallerPrincipalFactory identityProvider = new DefaultJWTCallerPrincipalFactory();
    private volatile JWTAuthContextInfo identityProviderContext;

    @jakarta.inject.Inject
    TrustedIssuers(@ConfigProperty(name = "qrtrace.security.oidc-issuer") Optional<String> oidcIssuer,
                   @ConfigProperty(name = "qrtrace.security.oidc-internal-url") Optional<String> oidcInternalUrl) {
        this.oidcIssuer = url(oidcIssuer);
        this.oidcInternalUrl = url(oidcInternalUrl);
    }

    TrustedIssuers(Optional<String> oidcIssuer) {
        this(oidcIssuer, Optional.empty());
    }

    private static Optional<String> url(Optional<String> configured) {
        return configured.map(String::strip).filter(s -> !s.isEmpty()).map(TrustedIssuers::withoutSlash);
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo configuredContext) throws ParseException {
        if (oidcIssuer.isPresent() && oidcIssuer.get().equals(unverifiedIssuer(token))) {
            return identityProvider.parse(token, identityProviderContext(configuredContext));
        }
        return configured.parse(token, configuredContext);
    }

    private JWTAuthContextInfo identityProviderContext(JWTAuthContextInfo configuredContext) throws ParseException {
        JWTAuthContextInfo context = identityProviderContext;
        if (context == null) {
            synchronized (this) {
                context = identityProviderContext;
                if (context == null) {
                    String issuer = oidcIssuer.orElseThrow();
                    context = new JWTAuthContextInfo(jwksUri(issuer, oidcInternalUrl.orElse(issuer)), issuer);
                    context.setGroupsPath(configuredContext.getGroupsPath());
                    context.setSignatureAlgorithm(configuredContext.getSignatureAlgorithm());
                    context.setExpGracePeriodSecs(configuredContext.getExpGracePeriodSecs());
                    context.setExpectedAudience(Set.of(AUDIENCE));
                    identityProviderContext = context;
                    LOG.infof("verifying tokens of %s with the keys at %s", issuer, context.getPublicKeyLocation());
                }
            }
        }
        return context;
    }

    /**
     * The {@code jwks_uri} of the issuer's discovery document, read at {@code realmUrl} (the issuer itself, or its
     * internal address), which must name the issuer (OpenID Discovery).
     */
    static String jwksUri(String issuer, String realmUrl) throws ParseException {
        URI discovery = URI.create(realmUrl + "/.well-known/openid-configuration");
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(DISCOVERY_TIMEOUT).build()
                    .send(HttpRequest.newBuilder(discovery).timeout(DISCOVERY_TIMEOUT).GET().build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new ParseException("the identity provider's discovery document " + discovery + " answered "
                        + response.statusCode());
            }
            Map<String, Object> document = JsonUtil.parseJson(response.body());
            if (!issuer.equals(withoutSlash(String.valueOf(document.get("issuer"))))) {
                throw new ParseException("the discovery document " + discovery + " names another issuer: "
                        + document.get("issuer"));
            }
            Object jwksUri = document.get("jwks_uri");
            if (!(jwksUri instanceof String uri) || uri.isBlank()) {
                throw new ParseException("the discovery document " + discovery + " has no jwks_uri");
            }
            return uri;
        } catch (IOException | JoseException e) {
            throw new ParseException("cannot read the identity provider's discovery document " + discovery + ": " + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParseException("interrupted while reading " + discovery, e);
        }
    }

    /** The {@code iss} claim of a JWS compact token, without verifying it; null when there is none to read. */
    static String unverifiedIssuer(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            Object issuer = JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8)).get("iss");
            return issuer instanceof String s ? withoutSlash(s) : null;
        } catch (IllegalArgumentException | JoseException e) {
            return null;
        }
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

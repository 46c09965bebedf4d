package org.qrtrace.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.qrtrace.console.ConsoleConfig;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every page needs: the language (query, then cookie), the CSRF token (cookie, set when missing), who is signed
 * in, and a link to the same page in the other language.
 */
@RequestScoped
public class PageSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RoutingContext routing;
    @Inject
    SecurityIdentity identity;
    @Inject
    ConsoleConfig config;

    private Lang lang;
    private String csrf;
    private Officer officer;

    public Lang lang() {
        if (lang == null) {
            String query = routing.request().getParam("lang");
            Cookie cookie = routing.request().getCookie(Lang.COOKIE);
            lang = Lang.pick(query, cookie == null ? null : cookie.getValue());
            if (Lang.parse(query) != null && (cookie == null || !lang.name().equals(cookie.getValue()))) {
                routing.response().addCookie(cookie(Lang.COOKIE, lang.name(), CookieSameSite.LAX).setMaxAge(365L * 24 * 3600));
            }
        }
        return lang;
    }

    public String csrfToken() {
        if (csrf == null) {
            Cookie cookie = routing.request().getCookie(Csrf.COOKIE);
            if (cookie != null && cookie.getValue().length() >= 40) {
                csrf = cookie.getValue();
            } else {
                csrf = Csrf.newToken();
                routing.response().addCookie(cookie(Csrf.COOKIE, csrf, CookieSameSite.STRICT));
            }
        }
        return csrf;
    }

    /** Refuses a form post whose token is missing or wrong, or that another origin sent. */
    public void checkCsrf(String field) {
        Cookie cookie = routing.request().getCookie(Csrf.COOKIE);
        String origin = routing.request().getHeader("Origin");
        if (origin != null && !"null".equals(origin) && !origin.equalsIgnoreCase(ownOrigin())) {
            throw new CsrfRejected();
        }
        if (!Csrf.matches(cookie == null ? null : cookie.getValue(), field)) {
            throw new CsrfRejected();
        }
    }

    private String ownOrigin() {
        return routing.request().scheme() + "://" + routing.request().authority();
    }

    private Cookie cookie(String name, String value, CookieSameSite sameSite) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(sameSite)
                .setSecure(config.secureCookies());
    }

    public Officer officer() {
        if (officer == null) {
            officer = readOfficer();
        }
        return officer;
    }

    private Officer readOfficer() {
        Set<String> roles = new TreeSet<>(identity.getRoles());
        JsonNode claims = accessTokenClaims();
        Principal p = identity.getPrincipal();
        String username = text(claims, "preferred_username");
        String jurisdiction = text(claims, "jurisdiction");
        String org = text(claims, "org");
        List<String> venues = new ArrayList<>();
        if (claims != null) {
            claims.path("venues").forEach(v -> venues.add(v.asText()));
        }
        if (p instanceof JsonWebToken jwt) {
            if (username == null) {
                username = jwt.getClaim("preferred_username");
            }
            if (jurisdiction == null && jwt.getClaim("jurisdiction") != null) {
                jurisdiction = String.valueOf((Object) jwt.getClaim("jurisdiction"));
            }
        }
        if (username == null && p != null) {
            username = p.getName();
        }
        return new Officer(username, roles, jurisdiction, venues, org);
    }

    /** The claims of the access token the console forwards (already verified by quarkus-oidc). */
    private JsonNode accessTokenClaims() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.getToken() == null) {
            return null;
        }
        String[] parts = credential.getToken().split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isArray() && !v.isEmpty() ? v.get(0).asText() : v.asText();
    }

    /** The same page in the other language: the current path and query with {@code lang} replaced. */
    public String otherLangHref() {
        String path = routing.request().path();
        if (routing.request().method() != io.vertx.core.http.HttpMethod.GET) {
            // a page rendered by a form post (its errors): the switch goes to the page the form was on
            path = path.replaceFirst("^(/cases/[0-9a-fA-F-]{36})/.*$", "$1");
        }
        StringBuilder sb = new StringBuilder(path).append('?');
        routing.queryParams().forEach((k, v) -> {
            if (!"lang".equals(k)) {
                sb.append(encode(k)).append('=').append(encode(v)).append('&');
            }
        });
        return sb.append("lang=").append(lang().other().name()).toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static final java.util.Map<Lang, java.util.Map<String, String>> LABELS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every text of the bundle in a language, by key: for texts whose key is data (a status, an error kind). */
    public static java.util.Map<String, String> labels(Lang lang) {
        return LABELS.computeIfAbsent(lang, l -> {
            org.qrtrace.console.Messages m = io.quarkus.qute.i18n.MessageBundles.get(org.qrtrace.console.Messages.class,
                    io.quarkus.qute.i18n.Localized.Literal.of(l.name()));
            java.util.Map<String, String> out = new java.util.HashMap<>();
            for (java.lang.reflect.Method method : org.qrtrace.console.Messages.class.getDeclaredMethods()) {
                if (method.getParameterCount() == 0 && method.getReturnType() == String.class) {
                    try {
                        out.put(method.getName(), (String) method.invoke(m));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return java.util.Map.copyOf(out);
        });
    }

    /** Adds what the layout needs and the page's language. */
    public TemplateInstance page(TemplateInstance t, String active) {
        return t.data("lang", lang().name()).data("otherLang", lang().other().name())
                .data("otherLangHref", otherLangHref()).data("csrf", csrfToken()).data("officer", officer())
                .data("active", active).data("labels", labels(lang())).setLocale(lang().locale());
    }

    /** A page with no one signed in (signed out, session expired, sign-in error). */
    public TemplateInstance publicPage(TemplateInstance t) {
        return t.data("lang", lang().name()).data("otherLang", lang().other().name())
                .data("otherLangHref", otherLangHref()).data("csrf", "").data("officer", null)
                .data("active", "").data("labels", labels(lang())).setLocale(lang().locale());
    }
}

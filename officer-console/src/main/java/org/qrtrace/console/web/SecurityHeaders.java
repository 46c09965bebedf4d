package org.qrtrace.console.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.qrtrace.console.ConsoleConfig;

import java.net.URI;

/**
 * The Content-Security-Policy of every page: scripts and styles from this origin only (no inline script, no CDN),
 * no framing, forms posting here or (through the sign-in and sign-out redirects) to Keycloak. Static files get the
 * other headers from {@code quarkus.http.header.*}.
 */
public class SecurityHeaders {

    @Inject
    ConsoleConfig config;

    private volatile String csp;

    String csp() {
        if (csp == null) {
            URI issuer = URI.create(config.issuer());
            String idp = issuer.getScheme() + "://" + issuer.getAuthority();
            csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' "
                    + idp;
        }
        return csp;
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        var h = response.getHeaders();
        h.putSingle("Content-Security-Policy", csp());
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("Referrer-Policy", "same-origin");
        MediaType type = response.getMediaType();
        if (type == null || type.isCompatible(MediaType.TEXT_HTML_TYPE) || "text".equals(type.getType())
                || "application".equals(type.getType())) {
            h.putSingle("Cache-Control", "no-store");
        }
    }
}

package org.qrtrace.checkin.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Security headers on every API and page response. Pages get a Content-Security-Policy with no third-party source at
 * all: only this origin's script files ({@code /js/}), and inline style/script only with the per-response nonce. The
 * one exception is the my-visits page, which may connect to the exposure-site feed's origin and nothing else (not even
 * this origin: the page has nothing to send here). The QR token is in the page URL, so no Referer is ever sent.
 */
public class SecurityHeaders {

    static final String NONCE = "qrtrace.csp-nonce";
    static final String CONNECT = "qrtrace.csp-connect";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh nonce for a page; the template uses it on its inline style and script. */
    static String nonce(ContainerRequestContext request) {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        String nonce = Base64.getEncoder().encodeToString(b);
        request.setProperty(NONCE, nonce);
        return nonce;
    }

    /** Lets this page's script connect to {@code origin} (scheme://host[:port]) and nowhere else. */
    static void allowConnectTo(ContainerRequestContext request, String origin) {
        request.setProperty(CONNECT, origin);
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        var h = response.getHeaders();
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("Referrer-Policy", "no-referrer");
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        MediaType type = response.getMediaType();
        Object nonce = request.getProperty(NONCE);
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE) && nonce != null) {
            Object connect = request.getProperty(CONNECT);
            h.putSingle("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce + "'; script-src 'self' 'nonce-"
                    + nonce + "'" + (connect != null ? "; connect-src " + connect : "")
                    + "; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
            h.putSingle("Cache-Control", "no-store");
        } else if (!request.getUriInfo().getPath().startsWith("/q/")) {
            h.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
    }
}

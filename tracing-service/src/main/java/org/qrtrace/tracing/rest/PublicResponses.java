package org.qrtrace.tracing.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * The answers of the public (token-free) exposure-site list and page: cacheable by anyone for a short while, with a
 * strong ETag of the exact bytes so that a client revalidating with If-None-Match gets 304 and no body, and the
 * security headers of the check-in pages (no framing, no sniffing, no referrer; the page's CSP allows its one
 * stylesheet by hash and no script at all).
 */
final class PublicResponses {

    private PublicResponses() {
    }

    /** 200 with the body, or 304 when {@code ifNoneMatch} names its ETag; either way cacheable for {@code maxAge}. */
    static Response.ResponseBuilder cacheable(byte[] body, MediaType type, String ifNoneMatch, Duration maxAge) {
        String etag = strongTag(body);
        Response.ResponseBuilder answer = matches(ifNoneMatch, etag) ? Response.notModified()
                : Response.ok(body, type);
        return answer.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge.toSeconds())
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY");
    }

    /** The page's policy: its inline stylesheet by hash; no script, no other source, no framing, no forms. */
    static Response.ResponseBuilder page(Response.ResponseBuilder answer, String styleHash) {
        return answer.header("Content-Security-Policy", "default-src 'none'; style-src '" + styleHash + "'; "
                        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
                .header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    }

    /** Data for scripts of other origins (e.g. checkin-service's "my visits" page): readable by any, never framed. */
    static Response.ResponseBuilder data(Response.ResponseBuilder answer) {
        return answer.header("Access-Control-Allow-Origin", "*")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    /** {@code "<base64url of SHA-256 of the bytes>"}: the same bytes, the same tag, on every instance. */
    static String strongTag(byte[] body) {
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(body)) + "\"";
    }

    /** {@code 'sha256-<base64>'} of a text, as CSP names an inline element's content. */
    static String cspHash(String content) {
        return "sha256-" + Base64.getEncoder().encodeToString(sha256(content.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether If-None-Match names the tag: {@code *}, or one of a comma-separated list, compared weakly as RFC 9110
     * requires for this header (a {@code W/} prefix is ignored).
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}

package org.qrtrace.console.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection of every form (double submit): a random token in an HttpOnly, SameSite=Strict cookie and the same
 * token in each form's hidden field; a POST whose field does not equal the cookie is refused before anything is called.
 * A page of another origin can make the browser send the cookie (not with SameSite=Strict, and then) but can neither read
 * it nor the token in our pages, so it cannot fill the field.
 */
public final class Csrf {

    public static final String COOKIE = "console-csrf";
    public static final String FIELD = "csrf-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** True when both are present, well-formed and equal (compared in constant time). */
    public static boolean matches(String cookie, String field) {
        if (cookie == null || field == null || cookie.length() < 40 || cookie.length() > 60) {
            return false;
        }
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }
}

package org.qrtrace.console.web;

import java.util.Locale;

/** The page language: Vietnamese first, English on request ({@code ?lang=en}, then kept in the {@code lang} cookie). */
public enum Lang {
    vi, en;

    public static final String COOKIE = "lang";

    /** The query parameter wins over the cookie; anything else is Vietnamese. */
    public static Lang pick(String query, String cookie) {
        Lang fromQuery = parse(query);
        if (fromQuery != null) {
            return fromQuery;
        }
        Lang fromCookie = parse(cookie);
        return fromCookie != null ? fromCookie : vi;
    }

    public static Lang parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "vi" -> vi;
            case "en" -> en;
            default -> null;
        };
    }

    public Locale locale() {
        return Locale.forLanguageTag(name());
    }

    public Lang other() {
        return this == vi ? en : vi;
    }
}

package org.qrtrace.venue.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes two registrations the same venue: the same administrative unit, name and address, compared without
 * regard to case, Unicode normal form or runs of white space ("Bệnh viện  A" = "bệnh viện a").
 */
public record IdentityKey(String adminUnitCode, String nameKey, String addressKey) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    public static IdentityKey of(String adminUnitCode, String name, String address) {
        return new IdentityKey(adminUnitCode, normalise(name), normalise(address));
    }

    /**
     * Lower case (locale-independent), then NFC, trimmed, inner white space collapsed to one space. Lower-casing comes
     * before composing: lower-casing composed text can leave it uncomposed (e.g. U+0130 becomes i + U+0307), and the
     * result would then change when normalised again.
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        return WHITESPACE.matcher(nfc.strip()).replaceAll(" ");
    }

    /**
     * The form used for name search: normalised and stripped of diacritics (đ becomes d), so that a search typed
     * without Vietnamese marks still finds the venue.
     */
    public static String searchable(String text) {
        String decomposed = Normalizer.normalize(normalise(text), Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd');
    }
}

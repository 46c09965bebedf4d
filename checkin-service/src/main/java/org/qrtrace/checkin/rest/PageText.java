package org.qrtrace.checkin.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The check-in page's texts: Vietnamese by default, English when asked ({@code ?lang=en}) or preferred by the
 * browser's Accept-Language. Texts live in {@code page-text/<lang>.properties} (UTF-8).
 */
final class PageText {

    static final String DEFAULT = "vi";
    private static final Map<String, Map<String, String>> TEXTS = Map.of("vi", load("vi"), "en", load("en"));

    private PageText() {
    }

    /** The texts of a supported language (the default for anything else). */
    static Map<String, String> of(String lang) {
        return TEXTS.getOrDefault(lang, TEXTS.get(DEFAULT));
    }

    static String format(Map<String, String> texts, String key, Object argument) {
        return texts.get(key.replace('.', '_')).replace("{0}", String.valueOf(argument));
    }

    /** An explicit {@code lang} wins; otherwise the first supported language of Accept-Language by quality. */
    static String choose(String explicit, String acceptLanguage) {
        if (explicit != null && TEXTS.containsKey(explicit.toLowerCase(Locale.ROOT))) {
            return explicit.toLowerCase(Locale.ROOT);
        }
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return DEFAULT;
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
                    .map(r -> r.getRange().split("-")[0].toLowerCase(Locale.ROOT))
                    .filter(TEXTS::containsKey)
                    .findFirst().orElse(DEFAULT);
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }

    private static Map<String, String> load(String lang) {
        String resource = "/page-text/" + lang + ".properties";
        try (InputStream in = PageText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new HashMap<>();
            // Qute reads {m.form_title}: a dot would mean a nested property.
            p.stringPropertyNames().forEach(k -> m.put(k.replace('.', '_'), p.getProperty(k)));
            return Map.copyOf(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.qrtrace.tracing.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.service.ExposureSiteList;
import org.qrtrace.tracing.service.PublicExposureSites;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Renders the public page of exposure sites (Qute template {@code templates/exposure-sites/page.html}): Vietnamese by
 * default, English with {@code lang=en}, times in the configured zone (Asia/Ho_Chi_Minh). Texts live in
 * {@code exposure-sites/<lang>.properties}; the stylesheet in {@code exposure-sites/page.css}, inlined and allowed by
 * its hash, so the page needs no second request, no script and nothing from elsewhere.
 */
@ApplicationScoped
public class ExposureSitePages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            PublicExposureSites.VIETNAMESE, texts(PublicExposureSites.VIETNAMESE),
            PublicExposureSites.ENGLISH, texts(PublicExposureSites.ENGLISH));

    private final Template page;
    private final ZoneId zone;
    private final String hotline;
    private final String css;
    private final String styleHash;

    ExposureSitePages(@Location("exposure-sites/page.html") Template page, TracingConfig config) {
        this.page = page;
        this.zone = config.exposureSites().zone();
        this.hotline = config.notifications().hotline();
        this.css = resource("/exposure-sites/page.css");
        this.styleHash = PublicResponses.cspHash(css);
    }

    /** One site as the page shows it. */
    @TemplateData
    public record Item(String venueName, String address, String unit, String window, String advice) {
    }

    /** The page's language: {@code en} when asked for, Vietnamese for anything else (a page never refuses). */
    static String language(String asked) {
        return asked != null && PublicExposureSites.ENGLISH.equalsIgnoreCase(asked.strip())
                ? PublicExposureSites.ENGLISH : PublicExposureSites.VIETNAMESE;
    }

    /** The CSP source that allows the page's stylesheet. */
    String styleHash() {
        return styleHash;
    }

    String render(String lang, AdminUnitCode unit, ExposureSiteList list) {
        LocalDate today = AdminUnitRegistry.dayOf(list.generatedAt());
        Map<String, String> m = TEXTS.get(lang);
        String other = PublicExposureSites.ENGLISH.equals(lang) ? PublicExposureSites.VIETNAMESE : PublicExposureSites.ENGLISH;
        List<Item> items = list.sites().stream().map(s -> new Item(
                s.venueName() == null ? m.get("unnamed") : s.venueName(), s.address(),
                s.place(), window(s.from(), s.to(), zone), s.advice())).toList();
        return page.data("lang", lang)
                .data("m", m)
                .data("css", css)
                .data("toggleHref", "?lang=" + other + (unit == null ? "" : "&adminUnitCode=" + unit.value()))
                .data("otherLang", other)
                .data("area", unit == null ? null : PublicExposureSites.place(unit, today, today))
                .data("intro", m.get("intro").replace("{hotline}", hotline))
                .data("sites", items)
                .data("count", items.size())
                .data("updated", format(list.generatedAt(), zone))
                .render();
    }

    /** "14:00–16:30, 03/12/2026" within a local day; "22:00, 03/12/2026 – 02:00, 04/12/2026" across days. */
    static String window(Instant from, Instant to, ZoneId zone) {
        ZonedDateTime f = from.atZone(zone);
        ZonedDateTime t = to.atZone(zone);
        if (f.toLocalDate().equals(t.toLocalDate())) {
            return TIME.format(f) + "\u2013" + TIME.format(t) + ", " + DATE.format(f);
        }
        return format(from, zone) + " \u2013 " + format(to, zone);
    }

    static String format(Instant at, ZoneId zone) {
        ZonedDateTime z = at.atZone(zone);
        return TIME.format(z) + ", " + DATE.format(z);
    }

    private static Map<String, String> texts(String lang) {
        Properties p = new Properties();
        try (InputStream in = ExposureSitePages.class.getResourceAsStream("/exposure-sites/" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("/exposure-sites/" + lang + ".properties is missing");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return Map.copyOf(m);
    }

    private static String resource(String path) {
        try (InputStream in = ExposureSitePages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

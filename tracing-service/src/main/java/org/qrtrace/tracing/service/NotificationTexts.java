package org.qrtrace.tracing.service;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.MessageTemplate;
import org.qrtrace.tracing.domain.Ucs2Segments;
import org.qrtrace.tracing.repository.VenueDirectory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/**
 * The SMS texts, by language, from the configured templates: made at start, so an unknown placeholder stops the
 * service with a message naming it. Times are local ({@code qrtrace.tracing.notifications.zone}), dd/MM HH:mm.
 */
@Startup
@Singleton
public class NotificationTexts {

    public static final String VI = "vi";
    public static final String EN = "en";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm");

    private final Map<String, MessageTemplate> templates;
    private final Map<String, String> advice;
    private final String hotline;
    private final ZoneId zone;

    private final VenueDirectory venues;

    NotificationTexts(TracingConfig config, VenueDirectory venues) {
        this.venues = venues;
        TracingConfig.Notifications n = config.notifications();
        String key = "qrtrace.tracing.notifications.templates.";
        this.templates = Map.of(VI, new MessageTemplate(key + VI, n.templates().vi()),
                EN, new MessageTemplate(key + EN, n.templates().en()));
        this.advice = Map.of(VI, n.advice().vi(), EN, n.advice().en());
        this.hotline = n.hotline();
        this.zone = n.zone();
    }

    /** The text of one message: the venue by its current name ("?" when unknown), the exposure in local time. */
    public String textOf(String language, UUID venueId, Instant from, Instant to) {
        return render(language, venues.find(venueId).map(VenueDirectory.Venue::name).orElse("?"), from, to);
    }

    /** How many SMS parts that text takes ({@link Ucs2Segments}). */
    public int partsOf(String language, UUID venueId, Instant from, Instant to) {
        return partsOf(textOf(language, venueId, from, to));
    }

    /** How many SMS parts {@code text} takes ({@link Ucs2Segments}). */
    public static int partsOf(String text) {
        return Ucs2Segments.split(text, 0).size();
    }

    public String render(String language, String venueName, Instant from, Instant to) {
        MessageTemplate template = templates.get(language);
        if (template == null) {
            throw new IllegalArgumentException("no template for language " + language);
        }
        return template.render(Map.of("venue", venueName, "from", TIME.format(from.atZone(zone)),
                "to", TIME.format(to.atZone(zone)), "hotline", hotline, "advice", advice.get(language)));
    }
}

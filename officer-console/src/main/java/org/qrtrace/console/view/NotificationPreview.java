package org.qrtrace.console.view;

import org.qrtrace.console.ConsoleConfig;
import org.qrtrace.console.api.Api;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * What the SMS will say, for the officer to read before sending: tracing-service's default text (copied into the
 * console's configuration; the service renders the real one at send time, with the venue and window of each contact's
 * latest exposure), filled with the first contact's latest exposure.
 */
public final class NotificationPreview {

    private static final DateTimeFormatter SMS_TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm");

    private NotificationPreview() {
    }

    public static String render(ConsoleConfig.Preview p, String language, List<Api.Contact> contacts) {
        // F1 are the ones notified by default: their latest exposure, else any contact's
        List<Api.Contact> f1 = contacts.stream().filter(c -> "F1".equals(c.tier())).toList();
        Api.VenueOverlap latest = (f1.isEmpty() ? contacts : f1).stream().flatMap(c -> c.venues().stream())
                .filter(v -> v.end() != null).max(Comparator.comparing(Api.VenueOverlap::end)).orElse(null);
        boolean en = "en".equals(language);
        String template = en ? p.templateEn() : p.templateVi();
        String venue = latest == null || latest.venueName() == null ? (en ? "(venue)" : "(địa điểm)") : latest.venueName();
        return template.replace("{venue}", venue)
                .replace("{from}", latest == null ? "dd/MM HH:mm" : fmt(latest.start()))
                .replace("{to}", latest == null ? "dd/MM HH:mm" : fmt(latest.end()))
                .replace("{advice}", en ? p.adviceEn() : p.adviceVi())
                .replace("{hotline}", p.hotline());
    }

    private static String fmt(Instant t) {
        return t == null ? "" : SMS_TIME.format(t.atZone(Times.VN));
    }
}

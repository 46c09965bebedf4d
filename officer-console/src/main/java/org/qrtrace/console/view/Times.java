package org.qrtrace.console.view;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as officers read them: local time of Việt Nam, day first. Also template extensions ({@code t.local}). */
public final class Times {

    public static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private Times() {
    }

    @TemplateExtension
    public static String local(Instant t) {
        return t == null ? "" : DATE_TIME.format(t.atZone(VN));
    }

    @TemplateExtension
    public static String localDate(Instant t) {
        return t == null ? "" : DATE.format(t.atZone(VN));
    }

    @TemplateExtension
    public static String dmy(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /** A text of the bundle whose key is made of a prefix and data ({@code labels.of('fu_', c.status)}); null if none. */
    @TemplateExtension
    public static String of(java.util.Map<String, String> labels, String prefix, Object key) {
        return key == null ? null : labels.get(prefix + key);
    }

    /** The same with the data first ({@code labels.of(kind, '_title')}). */
    @TemplateExtension(matchName = "ofSuffix")
    public static String ofSuffix(java.util.Map<String, String> labels, Object key, String suffix) {
        return key == null ? null : labels.get(key + suffix);
    }

    /** A window: "14:00–16:30, 03/12/2026", or both dates when it crosses midnight. */
    public static String window(Instant from, Instant to) {
        if (from == null || to == null) {
            return local(from) + "–" + local(to);
        }
        var f = from.atZone(VN);
        var e = to.atZone(VN);
        if (f.toLocalDate().equals(e.toLocalDate())) {
            return TIME.format(f) + "–" + TIME.format(e) + ", " + DATE.format(f);
        }
        return DATE_TIME.format(f) + " – " + DATE_TIME.format(e);
    }

    /** The value of an {@code <input type=datetime-local>} showing this instant. */
    public static String input(Instant t) {
        return t == null ? "" : INPUT.format(t.atZone(VN));
    }
}

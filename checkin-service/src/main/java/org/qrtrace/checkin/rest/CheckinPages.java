package org.qrtrace.checkin.rest;

import org.qrtrace.common.error.FieldError;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.domain.CheckinPoint;
import org.qrtrace.checkin.domain.CheckinReceipt;
import org.qrtrace.checkin.domain.TokenRejection;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders the check-in pages (Qute templates in {@code templates/checkin/}) in the chosen language. */
@ApplicationScoped
public class CheckinPages {

    /** Times are shown in the visitors' time zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy").withZone(ZONE);
    /** Codes of the symptoms the form offers (the event carries the codes). */
    static final List<String> SYMPTOMS = List.of("FEVER", "COUGH", "SHORTNESS_OF_BREATH", "SORE_THROAT", "LOSS_OF_TASTE_OR_SMELL");
    /** Rows for people without a phone; the form works without JavaScript, so the rows are fixed. */
    static final int DEPENDANT_ROWS = 3;
    private static final Pattern DEPENDANT_FIELD = Pattern.compile("dependants\\[(\\d+)]\\.(name|phone)");

    @Inject
    @Location("checkin/form.html")
    Template form;

    @Inject
    @Location("checkin/success.html")
    Template success;

    @Inject
    @Location("checkin/checkedout.html")
    Template checkedOut;

    @Inject
    @Location("checkin/error.html")
    Template error;

    @Inject
    @Location("checkin/my-visits.html")
    Template myVisits;

    /**
     * What the my-visits page's script needs besides its texts: the feed to read, the public list of sites, the stay
     * assumed for a visit stored without its automatic end, and the time zone's offset now (Vietnam has had no daylight
     * saving since 1975, so one offset formats every visit the way the other pages do).
     */
    public record MyVisits(String feedUrl, String sitesPageUrl, Duration defaultStay, Instant now) {
    }

    /** What the visitor typed, kept when the form comes back with errors. */
    public record FormState(String idem, String phone, String name, List<String> symptoms, String travelledFrom,
                            String contact, List<String> depNames, List<String> depPhones, List<FieldError> errors,
                            boolean consentMissing, boolean unavailable) {

        static FormState empty(String idem) {
            return new FormState(idem, null, null, List.of(), null, null, List.of(), List.of(), List.of(), false, false);
        }

        FormState withErrors(List<FieldError> fieldErrors) {
            return new FormState(idem, phone, name, symptoms, travelledFrom, contact, depNames, depPhones, fieldErrors,
                    false, false);
        }

        FormState withConsentMissing() {
            return new FormState(idem, phone, name, symptoms, travelledFrom, contact, depNames, depPhones, errors, true, false);
        }

        FormState withUnavailable() {
            return new FormState(idem, phone, name, symptoms, travelledFrom, contact, depNames, depPhones, errors, false, true);
        }
    }

    @TemplateData
    public record Option(String code, String label, boolean checked) {
    }

    @TemplateData
    public record DependantRow(int n, String nameLabel, String phoneLabel, String name, String phone) {
    }

    String form(String lang, String nonce, CheckinPoint point, FormState s) {
        Map<String, String> m = PageText.of(lang);
        List<Option> symptoms = new ArrayList<>();
        List<String> chosen = s.symptoms() == null ? List.of() : s.symptoms();
        for (String code : SYMPTOMS) {
            symptoms.add(new Option(code, m.get("symptom_" + code), chosen.contains(code)));
        }
        List<DependantRow> rows = new ArrayList<>();
        boolean anyDependant = false;
        for (int i = 0; i < DEPENDANT_ROWS; i++) {
            String dn = value(s.depNames(), i);
            String dp = value(s.depPhones(), i);
            anyDependant |= !dn.isEmpty() || !dp.isEmpty();
            rows.add(new DependantRow(i + 1, PageText.format(m, "form.dependant.name", i + 1),
                    PageText.format(m, "form.dependant.phone", i + 1), dn, dp));
        }
        boolean phoneError = false;
        List<String> messages = new ArrayList<>();
        for (FieldError e : s.errors()) {
            if ("phone".equals(e.field())) {
                phoneError = true;
                messages.add(m.get("form_phone") + ": " + m.get("error_phone"));
            } else {
                messages.add(describe(m, e));
            }
        }
        if (s.consentMissing()) {
            messages.add(m.get("error_consent"));
        }
        boolean declared = !chosen.isEmpty() || (s.travelledFrom() != null && !s.travelledFrom().isBlank()) || s.contact() != null;
        return page(form, lang, nonce, "?lang=" + m.get("other_lang"))
                .data("venueName", venueName(m, point))
                .data("entranceName", point.entranceName())
                .data("action", "/c/" + point.token())
                .data("idem", s.idem())
                .data("phone", s.phone())
                .data("name", s.name())
                .data("symptoms", symptoms)
                .data("travelledFrom", s.travelledFrom())
                .data("contact", s.contact())
                .data("dependants", rows)
                .data("declarationOpen", declared)
                .data("dependantsOpen", anyDependant)
                .data("errors", messages)
                .data("phoneError", phoneError)
                .data("consentError", s.consentMissing())
                .data("consentGiven", !s.consentMissing() && !s.errors().isEmpty() || s.unavailable())
                .data("banner", s.unavailable() ? m.get("form_unavailable") : null)
                .render();
    }

    String success(String lang, String nonce, CheckinReceipt r) {
        Map<String, String> m = PageText.of(lang);
        return page(success, lang, nonce, null)
                .data("checkinId", r.checkinId())
                .data("venueId", r.venueId())
                .data("storedVenueName", r.venueName() != null ? r.venueName() : "")
                .data("checkedInAtIso", iso(r.checkedInAt()))
                .data("autoCheckoutAtIso", iso(r.autoCheckoutAt()))
                .data("venueName", r.venueName() != null ? r.venueName() : m.get("form_unnamed"))
                .data("entranceName", r.entranceName())
                .data("checkedInAt", TIME.format(r.checkedInAt()))
                .data("autoCheckoutAt", TIME.format(r.autoCheckoutAt()))
                .data("dependants", r.dependants())
                .data("checkoutAction", "/c/out/" + r.checkinId())
                .data("secret", r.checkoutSecret())
                .render();
    }

    String checkedOut(String lang, String nonce, UUID checkinId, Instant at) {
        return page(checkedOut, lang, nonce, null).data("checkedOutAt", TIME.format(at))
                .data("checkinId", checkinId).data("checkedOutAtIso", iso(at)).render();
    }

    String myVisits(String lang, String nonce, MyVisits v) {
        Map<String, String> m = PageText.of(lang);
        return page(myVisits, lang, nonce, "?lang=" + m.get("other_lang"))
                .data("feedUrl", v.feedUrl())
                .data("sitesPageUrl", v.sitesPageUrl())
                .data("stayMinutes", v.defaultStay().toMinutes())
                .data("tzOffsetMinutes", ZONE.getRules().getOffset(v.now()).getTotalSeconds() / 60)
                .render();
    }

    String tokenError(String lang, String nonce, TokenRejection rejection) {
        return message(lang, nonce, "error_" + rejection.name());
    }

    String rateLimited(String lang, String nonce, Integer seconds) {
        Map<String, String> m = PageText.of(lang);
        return page(error, lang, nonce, null).data("title", m.get("error_title"))
                .data("message", PageText.format(m, "error.rate", seconds == null ? 60 : seconds)).render();
    }

    String message(String lang, String nonce, String key) {
        Map<String, String> m = PageText.of(lang);
        return page(error, lang, nonce, null).data("title", m.get("error_title")).data("message", m.get(key)).render();
    }

    private static TemplateInstance page(Template template, String lang, String nonce, String toggleHref) {
        return template.data("lang", lang).data("m", PageText.of(lang)).data("nonce", nonce).data("toggleHref", toggleHref);
    }

    /** An instant for the browser's script: ISO-8601 in UTC, to the millisecond (what every browser's Date parses). */
    private static String iso(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String venueName(Map<String, String> m, CheckinPoint point) {
        return point.venueName() != null ? point.venueName() : m.get("form_unnamed");
    }

    private static String describe(Map<String, String> m, FieldError e) {
        Matcher dep = DEPENDANT_FIELD.matcher(e.field());
        if (dep.matches()) {
            int n = Integer.parseInt(dep.group(1)) + 1;
            return "phone".equals(dep.group(2))
                    ? PageText.format(m, "form.dependant.phone", n) + ": " + m.get("error_phone")
                    : PageText.format(m, "form.dependant.name", n) + ": " + m.get("error_field");
        }
        String label = switch (e.field()) {
            case "name" -> m.get("form_name");
            case "declaration.travelledFrom" -> m.get("form_travel");
            default -> e.field();
        };
        return label + ": " + m.get("error_field") + " (" + e.message() + ")";
    }

    private static String value(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i) : "";
    }
}

package org.qrtrace.checkin.service;

import org.qrtrace.checkin.domain.InvalidVisitor;
import org.qrtrace.common.error.FieldError;
import org.qrtrace.common.phone.E164Phone;
import org.qrtrace.common.phone.InvalidPhoneException;
import org.qrtrace.events.CheckedIn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The semantic checks of a visitor's input, each naming the field it rejects. All faults are reported at once
 * ({@link InvalidVisitor}).
 */
final class VisitorValidator {

    static final int MAX_NAME = 100;
    static final int MAX_SYMPTOMS = 10;
    static final int MAX_SYMPTOM = 40;
    static final int MAX_PLACE = 100;
    static final int MAX_IDEMPOTENCY_KEY = 100;

    private final List<FieldError> faults = new ArrayList<>();

    /** The normalised input, once every check passed. */
    record Visitor(E164Phone phone, String name, CheckedIn.Declaration declaration, List<Dependant> dependants) {
    }

    record Dependant(String name, E164Phone phone) {
    }

    static Visitor validate(CheckinCommand c, int maxDependants) {
        VisitorValidator v = new VisitorValidator();
        E164Phone phone = v.phone("phone", c.phone());
        String name = v.text("name", c.name(), MAX_NAME);
        CheckedIn.Declaration declaration = v.declaration(c.declaration());
        List<Dependant> dependants = new ArrayList<>();
        if (c.dependants().size() > maxDependants) {
            v.error("dependants", "at most " + maxDependants + " people can be checked in with you");
        } else {
            for (int i = 0; i < c.dependants().size(); i++) {
                CheckinCommand.DependantInput d = c.dependants().get(i);
                String field = "dependants[" + i + "]";
                if (d == null) {
                    v.error(field, "must be an object with a name");
                    continue;
                }
                String dName = v.text(field + ".name", d.name(), MAX_NAME);
                if (dName == null) {
                    v.error(field + ".name", "a name is required for each person checked in with you");
                }
                E164Phone dPhone = d.phone() == null || d.phone().isBlank() ? null : v.phone(field + ".phone", d.phone());
                dependants.add(new Dependant(dName, dPhone));
            }
        }
        validateIdempotencyKey(c.idempotencyKey(), v);
        v.throwIfAny();
        return new Visitor(phone, name, declaration, dependants);
    }

    static void validateIdempotencyKey(String key, VisitorValidator v) {
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY
                || !key.chars().allMatch(ch -> ch > 32 && ch < 127))) {
            v.error("Idempotency-Key", "must be 1-" + MAX_IDEMPOTENCY_KEY + " printable ASCII characters (a UUID is best)");
        }
    }

    private E164Phone phone(String field, String raw) {
        try {
            return E164Phone.parse(raw);
        } catch (InvalidPhoneException e) {
            error(field, e.getMessage());
            return null;
        }
    }

    /** Blank means absent; control characters are refused (they have no place in a name and break exports). */
    private String text(String field, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (s.length() > max) {
            error(field, "at most " + max + " characters");
            return null;
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            error(field, "must not contain control characters");
            return null;
        }
        return s;
    }

    private CheckedIn.Declaration declaration(CheckedIn.Declaration d) {
        if (d == null) {
            return null;
        }
        Set<String> symptoms = new LinkedHashSet<>();
        if (d.symptoms().size() > MAX_SYMPTOMS) {
            error("declaration.symptoms", "at most " + MAX_SYMPTOMS + " symptoms");
        } else {
            for (int i = 0; i < d.symptoms().size(); i++) {
                String s = text("declaration.symptoms[" + i + "]", d.symptoms().get(i), MAX_SYMPTOM);
                if (s != null) {
                    symptoms.add(s);
                }
            }
        }
        String travelledFrom = text("declaration.travelledFrom", d.travelledFrom(), MAX_PLACE);
        return new CheckedIn.Declaration(List.copyOf(symptoms), travelledFrom, d.contactWithCase());
    }

    void error(String field, String message) {
        faults.add(new FieldError(field, message));
    }

    private void throwIfAny() {
        if (!faults.isEmpty()) {
            throw new InvalidVisitor(faults);
        }
    }
}

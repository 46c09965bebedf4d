package org.qrtrace.venue.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.common.adminunit.Resolution;
import org.qrtrace.common.phone.E164Phone;
import org.qrtrace.common.phone.InvalidPhoneException;
import org.qrtrace.common.error.FieldError;
import org.qrtrace.venue.domain.Category;
import org.qrtrace.venue.domain.IdentityKey;
import org.qrtrace.venue.domain.VenueDraft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The semantic rules of a venue, shared by the JSON API and the CSV import: each broken rule is reported against the
 * field it concerns, all at once. Field names are those of the JSON body ({@code entrances[1].name}). The
 * administrative unit code is checked for the day it is given ({@link AdminUnitRegistry#resolve(String, LocalDate)}):
 * a code in force that day (IN_FORCE) or one only an earlier edition of the list has (MAPPED, e.g. district 288 since
 * 2025-07-01) is taken as it is; a code no edition up to that day has (UNKNOWN) is refused.
 */
@ApplicationScoped
public class VenueValidator {

    public static final int MAX_NAME = 200;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_ENTRANCE_NAME = 100;
    public static final int MAX_ENTRANCES = 50;
    public static final int MAX_ORGANISATION = 100;
    public static final int MAX_CAPACITY = 1_000_000;

    /** Either a draft or the problems that prevent one. */
    public record Result(VenueDraft draft, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final AdminUnitRegistry registry = AdminUnitRegistry.bundled();

    /**
     * @param adminUnitDay the local day the administrative unit code is given for: the registration day, or for an
     *                     update the day it was first given when the code is unchanged
     */
    public Result validate(VenueInput in, boolean withEntrances, LocalDate adminUnitDay) {
        List<FieldError> errors = new ArrayList<>();
        String name = text(in.name(), "name", MAX_NAME, true, errors);
        Category category = null;
        if (blank(in.category())) {
            errors.add(new FieldError("category", "is required"));
        } else if ((category = Category.parse(in.category())) == null) {
            errors.add(new FieldError("category", "must be one of " + Category.allowed()));
        }
        String adminUnitCode = null;
        if (blank(in.adminUnitCode())) {
            errors.add(new FieldError("adminUnitCode", "is required"));
        } else {
            Resolution resolution = registry.resolve(in.adminUnitCode().strip(), adminUnitDay);
            if (resolution.status() == Resolution.Status.UNKNOWN) {
                errors.add(new FieldError("adminUnitCode", "unknown administrative unit code: "
                        + resolution.explanation() + " See /api/v1/admin-units?at=" + adminUnitDay + "."));
            } else {
                adminUnitCode = in.adminUnitCode().strip();
            }
        }
        String address = text(in.address(), "address", MAX_ADDRESS, true, errors);
        String phone = null;
        if (!blank(in.contactPhone())) {
            try {
                phone = E164Phone.parse(in.contactPhone()).value();
            } catch (InvalidPhoneException e) {
                errors.add(new FieldError("contactPhone", e.getMessage()));
            }
        }
        if (in.capacity() != null && (in.capacity() < 1 || in.capacity() > MAX_CAPACITY)) {
            errors.add(new FieldError("capacity", "must be between 1 and " + MAX_CAPACITY));
        }
        String organisation = text(in.organisation(), "organisation", MAX_ORGANISATION, false, errors);
        List<String> entrances = new ArrayList<>();
        if (withEntrances && in.entranceNames() != null) {
            if (in.entranceNames().size() > MAX_ENTRANCES) {
                errors.add(new FieldError("entrances", "at most " + MAX_ENTRANCES + " entrances"));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < in.entranceNames().size(); i++) {
                String field = "entrances[" + i + "].name";
                String entrance = text(in.entranceNames().get(i), field, MAX_ENTRANCE_NAME, true, errors);
                if (entrance != null && !seen.add(IdentityKey.normalise(entrance))) {
                    errors.add(new FieldError(field, "another entrance of this venue has the same name"));
                }
                entrances.add(entrance);
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new VenueDraft(name, category, adminUnitCode, adminUnitDay, address, phone, in.capacity(),
                organisation, entrances), List.of());
    }

    /** An entrance name on its own (adding one to an existing venue). */
    public List<FieldError> validateEntranceName(String name) {
        List<FieldError> errors = new ArrayList<>();
        text(name, "name", MAX_ENTRANCE_NAME, true, errors);
        return errors;
    }

    /** Trimmed text, or null after recording why it is unacceptable (or when optional and absent). */
    static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        if (blank(value)) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        String v = value.strip();
        if (v.codePointCount(0, v.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c))) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        return java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFC);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package org.qrtrace.common.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A phone number normalised to E.164 (e.g. {@code +84912345678}). Numbers without a country code are read as
 * Vietnamese. Its {@code toString} masks the number so it cannot leak into logs by accident.
 */
public final class E164Phone {

    public static final String DEFAULT_REGION = "VN";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT_LENGTH = 32;

    private final String value;

    private E164Phone(String value) {
        this.value = value;
    }

    /** @throws InvalidPhoneException with a reason a visitor can act on */
    public static E164Phone parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidPhoneException("a phone number is required");
        }
        if (raw.length() > MAX_INPUT_LENGTH) {
            throw new InvalidPhoneException("too long to be a phone number");
        }
        Phonenumber.PhoneNumber number;
        try {
            number = UTIL.parse(raw.strip(), DEFAULT_REGION);
        } catch (NumberParseException e) {
            throw new InvalidPhoneException("not a phone number (" + reason(e.getErrorType()) + ")");
        }
        if (!UTIL.isValidNumber(number)) {
            throw new InvalidPhoneException("not a valid phone number for its country");
        }
        return new E164Phone(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    private static String reason(NumberParseException.ErrorType type) {
        return switch (type) {
            case INVALID_COUNTRY_CODE -> "unknown country code";
            case NOT_A_NUMBER -> "contains characters that are not digits";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }

    /** The E.164 form. Callers must not log it. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof E164Phone other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "E164Phone[***" + value.substring(Math.max(0, value.length() - 2)) + "]";
    }
}

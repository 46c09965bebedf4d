package org.qrtrace.common.phone;

/** The input is not a usable phone number; the message says why (and never repeats the input). */
public class InvalidPhoneException extends IllegalArgumentException {
    public InvalidPhoneException(String message) {
        super(message);
    }
}

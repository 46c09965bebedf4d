package org.qrtrace.common.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.qrtrace.events.EventCodec;

import java.security.PrivateKey;
import java.security.PublicKey;

/** What is sealed for the health authority: how to call a person back. */
public record SealedContact(String phone, String name) {

    public String sealFor(PublicKey authority) {
        try {
            return ContactSeal.seal(authority, EventCodec.mapper().writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same, through a sealing session (many contacts, one key agreement). */
    public String sealWith(ContactSeal.Session session) {
        try {
            return session.seal(EventCodec.mapper().writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SealedContact open(PrivateKey authority, String sealed) {
        try {
            return EventCodec.mapper().readValue(ContactSeal.open(authority, sealed), SealedContact.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("sealed contact is not readable", e);
        }
    }

    @Override
    public String toString() {
        return "SealedContact[***]";
    }
}

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
        return read(ContactSeal.open(authority, sealed));
    }

    /** The same, through an opener that remembers the keys of sealing sessions (many contacts, few key agreements). */
    public static SealedContact open(ContactSeal.Opener opener, String sealed) {
        return read(opener.open(sealed));
    }

    private static SealedContact read(byte[] json) {
        try {
            return EventCodec.mapper().readValue(json, SealedContact.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("sealed contact is not readable", e);
        }
    }

    @Override
    public String toString() {
        return "SealedContact[***]";
    }
}

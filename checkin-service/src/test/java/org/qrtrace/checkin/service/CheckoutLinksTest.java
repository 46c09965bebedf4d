package org.qrtrace.checkin.service;

import org.qrtrace.common.crypto.Pseudonymiser;

import org.junit.jupiter.api.Test;
import org.qrtrace.checkin.domain.CheckoutCapability;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckoutLinksTest {

    final byte[] pepper = new byte[32];
    final CheckoutLinks links = new CheckoutLinks(new Pseudonymiser(pepper));
    final CheckoutCapability capability = new CheckoutCapability(UUID.randomUUID(), UUID.randomUUID(), "ab".repeat(32),
            Instant.parse("2026-11-23T09:00:00Z"));

    @Test
    void aLinkOpensForItsOwnCheckinOnly() {
        String k = links.secretFor(capability);
        assertEquals(capability, links.open(capability.checkinId(), k).orElseThrow());
        assertFalse(links.open(UUID.randomUUID(), k).isPresent(), "bound to its check-in id");
        assertFalse(k.contains("ab".repeat(8)), "the pseudonym is not readable in the link");
    }

    @Test
    void tamperedOrForeignSecretsAreRefused() {
        String k = links.secretFor(capability);
        char c = k.charAt(20);
        String tampered = k.substring(0, 20) + (c == 'A' ? 'B' : 'A') + k.substring(21);
        assertFalse(links.open(capability.checkinId(), tampered).isPresent());
        assertFalse(links.open(capability.checkinId(), "!!").isPresent());
        assertFalse(links.open(capability.checkinId(), null).isPresent());
        byte[] otherPepper = new byte[32];
        otherPepper[0] = 1;
        assertFalse(new CheckoutLinks(new Pseudonymiser(otherPepper)).open(capability.checkinId(), k).isPresent(), "keyed by the pepper");
        assertTrue(k.length() < 120, "short enough for a URL");
    }
}

package org.qrtrace.checkin.service;

import org.qrtrace.common.crypto.Pseudonymiser;

import org.junit.jupiter.api.Test;
import org.qrtrace.checkin.domain.CheckoutCapability;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
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
    void theSameVisitGetsTheSameLinkEveryTime() {
        // twice in a row on one thread: the JDK refuses to reuse a GCM cipher with the same key and nonce
        String k = links.secretFor(capability);
        assertEquals(k, links.secretFor(capability), "a repeated scan or a retry is told the same link");
        assertEquals(k, new CheckoutLinks(new Pseudonymiser(pepper)).secretFor(capability), "and after a restart");
        assertEquals(capability, links.open(capability.checkinId(), links.secretFor(capability)).orElseThrow());
        Set<String> others = new HashSet<>(List.of(k,
                links.secretFor(new CheckoutCapability(UUID.randomUUID(), capability.venueId(), capability.pseudonym(),
                        capability.autoCheckoutAt())),
                links.secretFor(new CheckoutCapability(capability.checkinId(), UUID.randomUUID(), capability.pseudonym(),
                        capability.autoCheckoutAt())),
                links.secretFor(new CheckoutCapability(capability.checkinId(), capability.venueId(), "cd".repeat(32),
                        capability.autoCheckoutAt())),
                links.secretFor(new CheckoutCapability(capability.checkinId(), capability.venueId(), capability.pseudonym(),
                        capability.autoCheckoutAt().plusSeconds(1)))));
        assertEquals(5, others.size(), "another visit, another link");
        Set<String> nonces = new HashSet<>();
        others.forEach(other -> nonces.add(other.substring(0, 16)));
        assertEquals(5, nonces.size(), "another visit, another nonce");
    }

    @Test
    void aLinkMadeWithARandomNonceBeforeStillOpens() throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        ByteBuffer plain = ByteBuffer.allocate(56)
                .putLong(capability.venueId().getMostSignificantBits()).putLong(capability.venueId().getLeastSignificantBits())
                .put(HexFormat.of().parseHex(capability.pseudonym())).putLong(capability.autoCheckoutAt().getEpochSecond());
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new Pseudonymiser(pepper).keyFor("qrtrace checkout link v1"), "AES"),
                new GCMParameterSpec(128, nonce));
        aes.updateAAD(ByteBuffer.allocate(16).putLong(capability.checkinId().getMostSignificantBits())
                .putLong(capability.checkinId().getLeastSignificantBits()).array());
        byte[] sealed = aes.doFinal(plain.array());
        String k = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        assertEquals(capability, links.open(capability.checkinId(), k).orElseThrow());
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

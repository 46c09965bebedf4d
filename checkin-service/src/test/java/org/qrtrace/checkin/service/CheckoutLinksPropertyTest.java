package org.qrtrace.checkin.service;

import org.qrtrace.common.crypto.Pseudonymiser;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.qrtrace.checkin.domain.CheckoutCapability;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any capability survives the link round trip; any altered character breaks it. */
class CheckoutLinksPropertyTest {

    final CheckoutLinks links = new CheckoutLinks(new Pseudonymiser(new byte[32]));

    @Property(tries = 200)
    void roundTripAndTamperEvidence(@ForAll long a, @ForAll long b, @ForAll long c, @ForAll long d, @ForAll long seed,
                                    @ForAll @LongRange(min = 0, max = 4_000_000_000L) long autoCheckout,
                                    @ForAll @IntRange(min = 0, max = 200) int position) {
        byte[] pseudonym = new byte[32];
        new Random(seed).nextBytes(pseudonym);
        CheckoutCapability capability = new CheckoutCapability(new UUID(a, b), new UUID(c, d),
                HexFormat.of().formatHex(pseudonym), Instant.ofEpochSecond(autoCheckout));
        String k = links.secretFor(capability);
        assertEquals(capability, links.open(capability.checkinId(), k).orElseThrow());
        int i = position % k.length();
        char replacement = k.charAt(i) == 'x' ? 'y' : 'x';
        String altered = k.substring(0, i) + replacement + k.substring(i + 1);
        assertTrue(links.open(capability.checkinId(), altered).isEmpty());
    }
}

package org.qrtrace.common;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.qrtrace.common.crypto.ContactSeal;
import org.qrtrace.common.crypto.Pseudonymiser;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.common.phone.E164Phone;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CryptoTest {

    static final KeyPair AUTHORITY = ContactSeal.generateKeyPair();
    static final byte[] PEPPER = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Property(tries = 50)
    void sealedContactsOpenOnlyWithTheAuthorityKey(@ForAll @StringLength(max = 200) String text) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        String sealed = ContactSeal.seal(AUTHORITY.getPublic(), plain);
        assertArrayEquals(plain, ContactSeal.open(AUTHORITY.getPrivate(), sealed));
    }

    @Test
    void sealingIsRandomisedAndTamperEvident() {
        SealedContact contact = new SealedContact("+84912345678", "Nguyễn Văn A");
        String a = contact.sealFor(AUTHORITY.getPublic());
        String b = contact.sealFor(AUTHORITY.getPublic());
        assertNotEquals(a, b, "same contact must not give the same ciphertext");
        assertFalse(a.contains("912345678"));
        assertEquals(contact, SealedContact.open(AUTHORITY.getPrivate(), a));

        KeyPair other = ContactSeal.generateKeyPair();
        assertThrows(IllegalArgumentException.class, () -> SealedContact.open(other.getPrivate(), a));
        byte[] raw = Base64.getUrlDecoder().decode(a);
        raw[raw.length - 1] ^= 1;
        assertThrows(IllegalArgumentException.class,
                () -> SealedContact.open(AUTHORITY.getPrivate(), Base64.getUrlEncoder().withoutPadding().encodeToString(raw)));
        assertThrows(IllegalArgumentException.class, () -> SealedContact.open(AUTHORITY.getPrivate(), "garbage"));
        assertEquals("SealedContact[***]", contact.toString());
    }

    @Test
    void aSealingSessionReusesItsKeyAgreementOnlyWithinItsBounds() {
        ContactSeal.Session session = new ContactSeal.Session(AUTHORITY.getPublic(), 3, java.time.Duration.ofMinutes(5));
        java.util.List<String> blobs = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            SealedContact contact = new SealedContact("+8491234567" + i, "Người " + i);
            String blob = contact.sealWith(session);
            assertEquals(contact, SealedContact.open(AUTHORITY.getPrivate(), blob));
            blobs.add(blob);
        }
        // bytes 2..46 hold the ephemeral key: the same for three seals, then renewed
        java.util.function.Function<String, String> epk = b -> Base64.getEncoder().encodeToString(
                java.util.Arrays.copyOfRange(Base64.getUrlDecoder().decode(b), 2, 46));
        assertEquals(epk.apply(blobs.get(0)), epk.apply(blobs.get(2)));
        assertNotEquals(epk.apply(blobs.get(2)), epk.apply(blobs.get(3)));
        assertEquals(3, blobs.stream().map(epk).distinct().count());
        assertEquals(7, blobs.stream().distinct().count(), "fresh nonce per seal");
        ContactSeal.Session expired = new ContactSeal.Session(AUTHORITY.getPublic(), 1000, java.time.Duration.ZERO);
        assertNotEquals(epk.apply(new SealedContact("+84912345678", null).sealWith(expired)),
                epk.apply(new SealedContact("+84912345678", null).sealWith(expired)));
    }

    @Test
    void anOpenerNeedsOneKeyAgreementPerSessionAndRefusesWhatTheStaticOpenRefuses() {
        ContactSeal.Opener opener = new ContactSeal.Opener(AUTHORITY.getPrivate(), 2);
        ContactSeal.Session session = new ContactSeal.Session(AUTHORITY.getPublic(), 1000, java.time.Duration.ofHours(1));
        for (int i = 0; i < 50; i++) {
            SealedContact contact = new SealedContact("+8491200" + String.format("%04d", i), i % 2 == 0 ? null : "Người " + i);
            assertEquals(contact, SealedContact.open(opener, contact.sealWith(session)));
        }
        assertEquals(1, opener.rememberedKeys(), "50 contacts of one session: one key agreement");

        SealedContact single = new SealedContact("+84912345678", "Nguyễn Văn A");
        String a = single.sealFor(AUTHORITY.getPublic());
        assertEquals(single, SealedContact.open(opener, a));
        assertEquals(single, SealedContact.open(opener, single.sealFor(AUTHORITY.getPublic())));
        assertEquals(2, opener.rememberedKeys(), "bounded: the least recently used key is forgotten");

        byte[] raw = Base64.getUrlDecoder().decode(a);
        raw[raw.length - 1] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThrows(IllegalArgumentException.class, () -> opener.open(tampered), "tag still checked with a remembered key");
        assertThrows(IllegalArgumentException.class, () -> opener.open("garbage"));
        ContactSeal.Opener stranger = new ContactSeal.Opener(ContactSeal.generateKeyPair().getPrivate(), 10);
        assertThrows(IllegalArgumentException.class, () -> stranger.open(a));
        assertEquals(0, stranger.rememberedKeys(), "a key that opened nothing is not remembered");
    }

    @Test
    void keysRoundTripThroughTheirConfiguredForm() {
        String pub = Base64.getEncoder().encodeToString(AUTHORITY.getPublic().getEncoded());
        String priv = Base64.getEncoder().encodeToString(AUTHORITY.getPrivate().getEncoded());
        String sealed = ContactSeal.seal(ContactSeal.publicKeyFromBase64(pub), new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, ContactSeal.open(ContactSeal.privateKeyFromBase64(priv), sealed));
        assertThrows(IllegalArgumentException.class, () -> ContactSeal.publicKeyFromBase64("bm90IGEga2V5"));
    }

    @Test
    void pseudonymsAreStablePerPepperAndHideThePhone() {
        Pseudonymiser p = new Pseudonymiser(PEPPER);
        E164Phone phone = E164Phone.parse("0912 345 678");
        String pseudonym = p.pseudonymOf(phone);
        assertTrue(pseudonym.matches("[0-9a-f]{64}"));
        assertEquals(pseudonym, p.pseudonymOf(E164Phone.parse("+84912345678")));
        assertNotEquals(pseudonym, new Pseudonymiser("another-pepper-of-32-bytes-or-more".getBytes()).pseudonymOf(phone));
        assertNotEquals(p.pseudonymOfDependant(phone, "Bé Na"), p.pseudonymOfDependant(phone, "Bé Bi"));
        assertEquals(p.pseudonymOfDependant(phone, "Bé Na"), p.pseudonymOfDependant(phone, " bé na "));
        assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser(new byte[8]));
    }

    @Test
    void aPseudonymIsWhatThePseudonymiserWritesAndNothingElse() {
        String hex = new Pseudonymiser(PEPPER).pseudonymOf(E164Phone.parse("0912 345 678"));
        assertEquals(hex, org.qrtrace.common.crypto.Pseudonym.of(hex).hex());
        for (String bad : new String[] {"", hex.toUpperCase(), hex.substring(1), hex + "0", "0912345678"}) {
            assertThrows(IllegalArgumentException.class, () -> org.qrtrace.common.crypto.Pseudonym.of(bad), bad);
        }
    }

    /** A derived key is HMAC-SHA256(pepper, purpose) as it was computed by hand before (links made then still open). */
    @Test
    void keysForOtherPurposesAreTheHmacOfThePurpose() throws Exception {
        Pseudonymiser p = new Pseudonymiser(PEPPER);
        String purpose = "qrtrace checkout link v1";
        assertEquals(expectedHmacHex(purpose), java.util.HexFormat.of().formatHex(p.keyFor(purpose)));
        assertNotEquals(java.util.HexFormat.of().formatHex(p.keyFor("another purpose")), expectedHmacHex(purpose));
    }

    /** The HMAC and AES-GCM objects are reused per thread: many threads at once give what one thread gives. */
    @Test
    void reusedPerThreadCryptoGivesTheSameAnswersFromManyThreadsAndAfterAFailure() throws Exception {
        Pseudonymiser pseudonymiser = new Pseudonymiser(PEPPER);
        ContactSeal.Session session = new ContactSeal.Session(AUTHORITY.getPublic(), 1_000_000, java.time.Duration.ofHours(1));
        ContactSeal.Opener opener = new ContactSeal.Opener(AUTHORITY.getPrivate(), 16);
        String tampered = ContactSeal.seal(AUTHORITY.getPublic(), "x".getBytes(StandardCharsets.UTF_8)).substring(0, 60) + "AAAA";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int thread = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 500; i++) {
                        String phone = String.format("+8491%07d", thread * 1000 + i);
                        assertEquals(expectedHmacHex(phone), pseudonymiser.pseudonymOf(E164Phone.parse(phone)));
                        if (i % 50 == 0) {
                            // a failed decryption must leave nothing behind in this thread's cipher
                            assertThrows(IllegalArgumentException.class, () -> opener.open(tampered));
                        }
                        byte[] plain = phone.getBytes(StandardCharsets.UTF_8);
                        assertArrayEquals(plain, opener.open(session.seal(plain)));
                        checked++;
                    }
                    return checked;
                }));
            }
            for (java.util.concurrent.Future<Integer> r : results) {
                assertEquals(500, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String expectedHmacHex(String phone) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(PEPPER, "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(phone.getBytes(StandardCharsets.UTF_8)));
    }
}

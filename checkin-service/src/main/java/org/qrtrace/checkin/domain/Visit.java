package org.qrtrace.checkin.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A visit this instance checked in and that is not known to have ended: used to merge repeated scans of the same
 * person into one visit and to pair a gate OUT scan with its IN. {@code acknowledged} completes once Kafka acknowledged
 * the check-in (and fails if it did not).
 *
 * <p>Up to {@code open-visit-cache-size} (500,000) of these are held at once, so a visit keeps only what the answer to
 * a repeated scan is made of, compactly: the check-in id and times as numbers rather than objects, the venue's and
 * entrance's names as the venue directory's own strings (shared by every visit there), and no check-out link (the
 * same link is minted again from these fields, see {@code CheckoutLinks}). docs/benchmarks.md, "Garbage collection".
 */
public final class Visit {

    private final Key key;
    private final long checkinIdHigh;
    private final long checkinIdLow;
    private final long checkedInAtSecond;
    private final int checkedInAtNano;
    private final int dependants;
    private final long autoCheckoutAtSecond;
    private final int autoCheckoutAtNano;
    private final String venueName;
    private final String entranceName;
    private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();

    /**
     * @param venueName    as the visitor was told (null when the venue's registration was not seen)
     * @param entranceName as the visitor was told (null for the venue's own code)
     * @param dependants   how many people were checked in with the visitor
     */
    public Visit(UUID checkinId, Key key, String venueName, String entranceName, Instant checkedInAt,
                 Instant autoCheckoutAt, int dependants) {
        this.key = key;
        this.checkinIdHigh = checkinId.getMostSignificantBits();
        this.checkinIdLow = checkinId.getLeastSignificantBits();
        this.venueName = venueName;
        this.entranceName = entranceName;
        this.checkedInAtSecond = checkedInAt.getEpochSecond();
        this.checkedInAtNano = checkedInAt.getNano();
        this.autoCheckoutAtSecond = autoCheckoutAt.getEpochSecond();
        this.autoCheckoutAtNano = autoCheckoutAt.getNano();
        this.dependants = dependants;
    }

    /** The person at the venue: the key under which their open visit is kept. */
    public Key key() {
        return key;
    }

    public UUID checkinId() {
        return new UUID(checkinIdHigh, checkinIdLow);
    }

    public UUID venueId() {
        return key.venueId();
    }

    public String pseudonym() {
        return key.pseudonym();
    }

    public String venueName() {
        return venueName;
    }

    public String entranceName() {
        return entranceName;
    }

    public Instant checkedInAt() {
        return Instant.ofEpochSecond(checkedInAtSecond, checkedInAtNano);
    }

    public Instant autoCheckoutAt() {
        return Instant.ofEpochSecond(autoCheckoutAtSecond, autoCheckoutAtNano);
    }

    public int dependants() {
        return dependants;
    }

    /** Completes once Kafka acknowledged this visit's {@code CheckedIn}; fails when it did not. */
    public CompletableFuture<Void> acknowledged() {
        return acknowledged;
    }

    public boolean hasCheckinId(UUID checkinId) {
        return checkinId.getMostSignificantBits() == checkinIdHigh && checkinId.getLeastSignificantBits() == checkinIdLow;
    }

    /** Whether a scan at {@code at} belongs to this visit (same person and venue within {@code window}). */
    public boolean absorbs(Instant at, Duration window) {
        return Duration.between(checkedInAt(), at).abs().compareTo(window) < 0;
    }

    /** What a check-out link of this visit carries. */
    public CheckoutCapability checkoutCapability() {
        return new CheckoutCapability(checkinId(), venueId(), pseudonym(), autoCheckoutAt());
    }

    @Override
    public String toString() {
        // no pseudonym: toString may end up in a log
        return "Visit[" + checkinId() + "]";
    }

    /**
     * A person at a venue: the key under which their open visit is kept, and what a remembered answer compares a retry
     * with. The pseudonym (64 hex characters of an HMAC-SHA256) is held as its 32 bytes in four longs, a quarter of its
     * size as a String; {@code venueId} is the venue directory's own UUID when the caller has it at hand.
     */
    public record Key(UUID venueId, long pseudonym0, long pseudonym1, long pseudonym2, long pseudonym3) {

        private static final int PSEUDONYM_HEX = 64;

        /** @throws IllegalArgumentException when {@code pseudonym} is not 64 hex digits */
        public static Key of(UUID venueId, String pseudonym) {
            if (pseudonym.length() != PSEUDONYM_HEX) {
                throw new IllegalArgumentException("a pseudonym is 64 hex digits");
            }
            return new Key(venueId, HexFormat.fromHexDigitsToLong(pseudonym, 0, 16),
                    HexFormat.fromHexDigitsToLong(pseudonym, 16, 32), HexFormat.fromHexDigitsToLong(pseudonym, 32, 48),
                    HexFormat.fromHexDigitsToLong(pseudonym, 48, 64));
        }

        /** The pseudonym as events carry it: 64 lowercase hex digits. */
        public String pseudonym() {
            HexFormat hex = HexFormat.of();
            return hex.toHexDigits(pseudonym0) + hex.toHexDigits(pseudonym1) + hex.toHexDigits(pseudonym2)
                    + hex.toHexDigits(pseudonym3);
        }

        @Override
        public String toString() {
            // no pseudonym: toString may end up in a log
            return "Visit.Key[venueId=" + venueId + "]";
        }
    }
}

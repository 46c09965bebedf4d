package org.qrtrace.checkin.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.domain.CheckinPoint;
import org.qrtrace.checkin.domain.KnownVenue;
import org.qrtrace.checkin.domain.QrCodeRefused;
import org.qrtrace.checkin.domain.TokenLine;
import org.qrtrace.checkin.domain.TokenRejection;
import org.qrtrace.checkin.domain.VenueDirectory;
import org.qrtrace.common.error.DomainException;
import org.qrtrace.events.qr.QrToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;

/**
 * Judges a QR code offline: signature with the cached keys (the one token format, {@link QrToken}), then the venue's
 * state from {@code venue.events} at the time of the scan: closed, revoked, superseded after its grace period.
 */
@ApplicationScoped
public class TokenVerifier {

    /**
     * Signatures already checked, by token: a poster's code is scanned thousands of times and an Ed25519 check costs
     * ~0.8 ms of CPU in the JDK. An entry counts only while the key that verified it is still the ring's key for its
     * id, so a withdrawn key stops admitting its codes at once. Only the signature is cached: the venue's state
     * (closed, revoked, superseded) is judged on every scan.
     */
    private final Cache<String, Verified> verified = Caffeine.newBuilder().executor(Runnable::run).maximumSize(50_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    private record Verified(QrToken token, PublicKey key) {
    }

    private final QrKeyRing keys;
    private final VenueDirectory directory;
    private final MeterRegistry registry;

    @Inject
    public TokenVerifier(QrKeyRing keys, VenueDirectory directory, MeterRegistry registry) {
        this.keys = keys;
        this.directory = directory;
        this.registry = registry;
    }

    private QrToken signatureChecked(String token) {
        Verified cached = token == null ? null : verified.getIfPresent(token);
        if (cached != null && cached.key().equals(keys.lookup(cached.token().keyId()))) {
            return cached.token();
        }
        try {
            QrToken parsed = QrToken.verify(token, keys::lookup);
            verified.put(token, new Verified(parsed, keys.lookup(parsed.keyId())));
            return parsed;
        } catch (QrToken.InvalidQrTokenException e) {
            throw refuse(e.failure() == QrToken.Failure.MALFORMED ? TokenRejection.MALFORMED : TokenRejection.FORGED);
        }
    }

    /**
     * True when judging this code may have to fetch keys from venue-service first (it names a key id we do not hold):
     * the caller then verifies it off the event loop. Every other code, good or bad, is judged from memory.
     */
    public boolean needsKeyFetch(String token) {
        if (token != null && verified.getIfPresent(token) != null) {
            return false;
        }
        return QrToken.keyIdOf(token).map(keyId -> !keys.has(keyId)).orElse(false);
    }

    /** @throws DomainException a {@link QrCodeRefused} when the code does not admit anyone at {@code at} */
    public CheckinPoint verify(String token, Instant at) {
        QrToken parsed = signatureChecked(token);
        KnownVenue venue = directory.find(parsed.venueId()).orElseThrow(() -> refuse(TokenRejection.VENUE_UNKNOWN));
        if (venue.isClosedAt(at)) {
            throw refuse(TokenRejection.VENUE_CLOSED);
        }
        if (venue.revocationOf(parsed.entranceId(), parsed.version(), at) != null) {
            throw refuse(TokenRejection.REVOKED);
        }
        // An entrance we have not heard of yet has no known rotation: its signed code is current.
        TokenLine line = venue.tokensOf(parsed.entranceId());
        if (line != null && !line.isCurrentAt(parsed.version(), at)) {
            throw refuse(TokenRejection.SUPERSEDED);
        }
        return new CheckinPoint(venue.id(), parsed.entranceId(), venue.name(), venue.entranceName(parsed.entranceId()),
                venue.category(), token);
    }

    /** Counts the refusal ({@code checkin.token.rejected{reason}}) and gives the failure to throw. */
    private DomainException refuse(TokenRejection rejection) {
        registry.counter("checkin.token.rejected", "reason", rejection.name()).increment();
        return rejection.refusal();
    }
}

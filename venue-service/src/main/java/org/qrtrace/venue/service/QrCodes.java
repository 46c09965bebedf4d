package org.qrtrace.venue.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.qrtrace.events.qr.QrToken;
import org.qrtrace.venue.domain.Entrance;
import org.qrtrace.venue.domain.Venue;

/**
 * The content of a venue's QR codes: {@code {publicBaseUrl}/c/{token}}, the token signed with the active key. Ed25519
 * signatures are deterministic, so a code stays the same until its version is rotated or the signing key changes.
 */
@ApplicationScoped
public class QrCodes {

    private final QrSigningKeys signingKeys;

    /** Base of the URL a QR code encodes: checkin-service's public address. */
    private final String publicBaseUrl;

    QrCodes(QrSigningKeys signingKeys,
            @ConfigProperty(name = "qrtrace.public-base-url", defaultValue = "http://127.0.0.1:8082") String publicBaseUrl) {
        this.signingKeys = signingKeys;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Signs many codes with one key look-up. */
    public Issuer issuer() {
        return new Issuer(signingKeys.activeSigner(), stripSlash(publicBaseUrl));
    }

    /** Issues tokens and URLs with one signing key. */
    public static final class Issuer {
        private final QrSigningKeys.Signer signer;
        private final String baseUrl;

        Issuer(QrSigningKeys.Signer signer, String baseUrl) {
            this.signer = signer;
            this.baseUrl = baseUrl;
        }

        public String venueToken(Venue venue) {
            return new QrToken(signer.kid(), venue.id(), null, venue.tokenVersion(), venue.tokenIssuedAt())
                    .sign(signer.privateKey());
        }

        public String entranceToken(Entrance entrance) {
            return new QrToken(signer.kid(), entrance.venueId(), entrance.id(), entrance.tokenVersion(),
                    entrance.tokenIssuedAt()).sign(signer.privateKey());
        }

        public String venueUrl(Venue venue) {
            return url(venueToken(venue));
        }

        public String entranceUrl(Entrance entrance) {
            return url(entranceToken(entrance));
        }

        public String url(String token) {
            return baseUrl + "/c/" + token;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

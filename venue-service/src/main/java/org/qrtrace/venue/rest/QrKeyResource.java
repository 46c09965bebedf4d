package org.qrtrace.venue.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.qrtrace.common.security.Roles;
import org.qrtrace.events.qr.QrKeys;
import org.qrtrace.venue.service.QrSigningKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/**
 * The public keys QR tokens are verified with (the contract with checkin-service and gate devices), and the admin's
 * signing-key rotation.
 */
@Path("/api/v1/qr-keys")
@Tag(name = "qr-keys", description = "The public keys QR tokens are verified with, and the rotation of the signing "
        + "key.")
public class QrKeyResource {

    /** One key in JWK form. */
    public record Jwk(String kid, String kty, String crv, String x, String status, Instant createdAt) {
    }

    /** The key set. */
    public record KeySet(List<Jwk> keys) {
    }

    /** The key that signs from now on. */
    public record Rotated(String kid) {
    }

    private final QrSigningKeys signingKeys;

    QrKeyResource(QrSigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listQrKeys", summary = "Public keys of QR tokens",
            description = "The Ed25519 keys (JWK) that verify QR tokens, active and retired; cacheable for 5 minutes. "
                    + "Public.")
    public Response keys() {
        List<Jwk> keys = signingKeys.published().stream()
                .map(k -> new Jwk(k.kid(), "OKP", "Ed25519", QrKeys.toJwkX(k.publicKey()),
                        k.active() ? "ACTIVE" : "RETIRED", k.createdAt()))
                .toList();
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(new KeySet(keys)).cacheControl(cache).build();
    }

    /** Retires the active signing key (still published) and activates a new one. */
    @POST
    @Path("/rotate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rotateQrSigningKey", summary = "Rotate the QR signing key",
            description = "Retires the active signing key (still published) and activates a new one. Roles: admin.")
    @SecurityRequirement(name = "bearer")
    public Rotated rotate() {
        return new Rotated(signingKeys.rotate());
    }
}

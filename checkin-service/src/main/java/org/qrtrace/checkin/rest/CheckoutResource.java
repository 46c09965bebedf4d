package org.qrtrace.checkin.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.checkin.service.CheckoutService;
import org.qrtrace.common.error.InvalidInput;

import java.util.UUID;

/** Ends a visit with the link returned at check-in. */
@Path("/api/v1/checkins/{checkinId}/checkout")
@Tag(name = "check-outs", description = "Ending a visit with the link returned at check-in.")
public class CheckoutResource {

    private final CheckoutService service;

    @Inject
    public CheckoutResource(CheckoutService service) {
        this.service = service;
    }

    @POST
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkOut", summary = "Check out",
            description = "Ends the visit; k is the check-out secret from the check-in answer; repeated calls answer "
                    + "the first. For the holder of the link.")
    public Uni<CheckoutService.CheckoutResult> checkOut(@PathParam("checkinId") String checkinId, @QueryParam("k") String secret) {
        UUID id;
        try {
            id = UUID.fromString(checkinId);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("checkinId", "must be a UUID");
        }
        if (secret == null || secret.isBlank()) {
            throw InvalidInput.field("k", "the check-out secret from the check-in answer is required");
        }
        return Uni.createFrom().completionStage(service.checkOut(id, secret));
    }
}

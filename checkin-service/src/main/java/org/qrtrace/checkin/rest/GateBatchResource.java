package org.qrtrace.checkin.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.checkin.domain.ScanVerdict;
import org.qrtrace.checkin.service.GateBatchService;
import org.qrtrace.checkin.service.GateScan;
import org.qrtrace.common.security.Caller;
import org.qrtrace.common.security.Roles;

import java.util.List;

/** Uploads of gate devices (possibly offline for a while): a verdict per scan. */
@Path("/api/v1/gate/batches")
@Tag(name = "gate", description = "Uploads of gate devices, which may scan offline for a while.")
public class GateBatchResource {

    /** A batch: the device and its scans in any order. */
    public record GateBatch(@NotBlank @Size(max = 64) String deviceId, @NotNull List<GateScan> scans) {
    }

    /** Verdicts in the order the scans were uploaded. */
    public record GateBatchResult(List<ScanVerdict> results) {
    }

    private final GateBatchService service;
    private final Caller caller;

    GateBatchResource(GateBatchService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Blocking
    @RolesAllowed(Roles.GATE_DEVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadGateBatch", summary = "Upload gate scans",
            description = "Scans IN and OUT, each answered ACCEPTED, DUPLICATE or REJECTED; only for the venues of the "
                    + "device's token; 429 with Retry-After when the device uploads faster than its scan rate and 503 "
                    + "when Kafka cannot take it (in both cases the whole batch is to be sent again). Roles: "
                    + "gate-device.")
    @SecurityRequirement(name = "bearer")
    public Uni<GateBatchResult> upload(@Valid @NotNull GateBatch batch) {
        return Uni.createFrom().completionStage(service.process(caller.subject(), batch.deviceId(), batch.scans(),
                        caller.venueIds()))
                .map(GateBatchResult::new);
    }
}

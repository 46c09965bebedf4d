package org.qrtrace.tracing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.repository.PartitionRepository;
import org.qrtrace.tracing.service.PartitionMaintenance;

import java.util.List;

/** Proof of deletion: what presence data retention dropped and when (admins). */
@Path("/api/v1/retention")
@Tag(name = "retention", description = "Proof of deletion: what presence-data retention dropped and when.")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class RetentionResource {

    private final PartitionMaintenance maintenance;

    RetentionResource(PartitionMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @GET
    @Path("/deletions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listRetentionDeletions", summary = "The deletion report",
            description = "Each dropped day partition, its row count, when and under which retention, newest first. "
                    + "Roles: admin.")
    public List<PartitionRepository.Deletion> deletions(@QueryParam("limit") @DefaultValue("100")
                                                        @Min(value = 1, message = "must be >= 1")
                                                        @Max(value = 1000, message = "must be <= 1000") int limit) {
        return maintenance.deletions(limit);
    }

    @POST
    @Path("/run")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "runPartitionMaintenance", summary = "Run partition maintenance now",
            description = "Creates the day partitions ahead and drops the expired ones now. Roles: admin.")
    public PartitionMaintenance.MaintenanceReport run() {
        return maintenance.maintain();
    }
}

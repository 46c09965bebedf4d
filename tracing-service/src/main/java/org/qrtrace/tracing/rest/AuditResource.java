package org.qrtrace.tracing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.repository.AuditRepository.AuditRow;
import org.qrtrace.tracing.service.AuditLog;

import java.util.List;

/** The audit log of personal-data reads, for admins, and its integrity check. */
@Path("/api/v1/audit")
@Tag(name = "audit", description = "The hash-chained audit log of every query, read and export of personal data, and "
        + "its integrity check.")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    private final AuditLog audit;

    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    /** A page of the log, newest first; {@code nextBefore} continues it. */
    public record AuditPage(List<AuditRow> rows, Long nextBefore) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAuditRows", summary = "Audit rows, newest first",
            description = "A page of the audit log, newest first; nextBefore continues it. Roles: admin.")
    public AuditPage list(@QueryParam("before") @Min(value = 1, message = "must be >= 1") Long before,
                          @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "must be >= 1")
                          @Max(value = 1000, message = "must be <= 1000") int limit) {
        List<AuditRow> rows = audit.page(before, limit);
        return new AuditPage(rows, rows.size() == limit ? rows.get(rows.size() - 1).seq() : null);
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyAuditChain", summary = "Verify the audit chain",
            description = "Recomputes the hash chain and reports the first edited, missing or unlinked row. Roles: "
                    + "admin.")
    public AuditLog.Verification verify() {
        return audit.verify();
    }
}

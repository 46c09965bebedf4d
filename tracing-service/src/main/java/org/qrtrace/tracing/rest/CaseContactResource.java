package org.qrtrace.tracing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.service.CaseContactView;
import org.qrtrace.tracing.service.CaseFollowUpService;
import org.qrtrace.tracing.service.FollowUpRequest;

import java.util.List;
import java.util.UUID;

/** The contacts of a case and their follow-up, for the case's health officers. */
@Path("/api/v1/cases/{id}/contacts")
@Tag(name = "case-contacts", description = "The contacts of a case, gathered from the exposure queries run under its "
        + "reference, and their follow-up; every read and change audited.")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.HEALTH_OFFICER)
public class CaseContactResource {

    private final CaseFollowUpService service;

    CaseContactResource(CaseFollowUpService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listCaseContacts", summary = "A case's contacts",
            description = "F1 and F2 contacts with their venues, follow-up, followUntil and overdue; phones opened "
                    + "where the jurisdiction covers every venue of the contact; audited. Roles: health-officer whose "
                    + "jurisdiction covers the case's unit.")
    public List<CaseContactView> list(@PathParam("id") UUID caseId) {
        return service.list(caseId);
    }

    @PATCH
    @Path("/{contactId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordContactFollowUp", summary = "Record a contact's follow-up",
            description = "Sets the follow-up status (REACHED, QUARANTINED, TESTED_NEGATIVE, TESTED_POSITIVE, "
                    + "UNREACHABLE) and note; audited. Roles: health-officer whose jurisdiction covers the case's unit.")
    public CaseContactView followUp(@PathParam("id") UUID caseId, @PathParam("contactId") UUID contactId,
                                    @Valid @NotNull(message = "a JSON body is required") FollowUpRequest request) {
        return service.followUp(caseId, contactId, request);
    }
}

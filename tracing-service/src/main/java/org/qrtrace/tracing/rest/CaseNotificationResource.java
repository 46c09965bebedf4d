package org.qrtrace.tracing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.service.NotificationPreview;
import org.qrtrace.tracing.service.NotificationRequest;
import org.qrtrace.tracing.service.NotificationResult;
import org.qrtrace.tracing.service.NotificationService;

import java.util.List;
import java.util.UUID;

/** SMS to a case's contacts, queued for the SMPP sender (docs/architecture.md, "Notifications"). */
@Path("/api/v1/cases/{id}/notifications")
@Tag(name = "case-notifications", description = "Telling a case's contacts by SMS: at most one message per case, "
        + "contact and tier; queued here, sent over SMPP within the configured hours; audited.")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.HEALTH_OFFICER)
public class CaseNotificationResource {

    private final NotificationService service;

    CaseNotificationResource(NotificationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "notifyCaseContacts", summary = "Tell a case's contacts by SMS",
            description = "Queues one SMS per contact of the tiers given (vi by default, or en), never a second one for "
                    + "the same case, contact and tier; contacts exposed outside the officer's jurisdiction are "
                    + "skipped, those without a readable phone counted as unreachable; audited. Roles: health-officer "
                    + "whose jurisdiction covers the case's unit.")
    @APIResponse(responseCode = "202", description = "queued; what was done with each contact, counted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationResult.class)))
    public Response notifyContacts(@PathParam("id") UUID caseId,
                                   @Valid @NotNull(message = "a JSON body is required") NotificationRequest request) {
        return Response.accepted(service.notify(caseId, request)).build();
    }

    @GET
    @Path("/preview")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "previewCaseNotification", summary = "What a notify request would send",
            description = "For the tiers given (F1 by default) and the language (vi by default, or en): how many "
                    + "contacts are inside the officer's jurisdiction, and the exact text one of them would get, "
                    + "rendered with the sender's templates; sends nothing, names no one. Roles: health-officer whose "
                    + "jurisdiction covers the case's unit.")
    @APIResponse(responseCode = "200", description = "the preview",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationPreview.class)))
    public NotificationPreview preview(@PathParam("id") UUID caseId, @QueryParam("tiers") List<String> tiers,
                                       @QueryParam("language") String language) {
        return service.preview(caseId, tiers, language);
    }
}

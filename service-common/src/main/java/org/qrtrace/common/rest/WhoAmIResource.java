package org.qrtrace.common.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.common.security.Caller;

import java.util.Set;
import java.util.UUID;

/** Tells a caller what the service reads from their token: handy when a request is refused. */
@Path("/api/v1/whoami")
@Tag(name = "whoami", description = "What the service reads from the caller's token.")
@SecurityRequirement(name = "bearer")
@Authenticated
public class WhoAmIResource {

    private final Caller caller;

    WhoAmIResource(Caller caller) {
        this.caller = caller;
    }

    public record WhoAmI(String subject, Set<String> roles, Set<UUID> venues, String organisation, String jurisdiction) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "whoAmI", summary = "The claims of the bearer token",
            description = "The subject, roles and scope claims (venues, organisation, jurisdiction) this service reads "
                    + "from the bearer token: handy when a request is refused. Any role.")
    public WhoAmI get() {
        return new WhoAmI(caller.subject(), caller.roles(), caller.venueIds(), caller.organisation().orElse(null),
                caller.jurisdiction().orElse(null));
    }
}

package org.qrtrace.common.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.qrtrace.common.security.Caller;

import java.util.Set;
import java.util.UUID;

/** Tells a caller what the service reads from their token: handy when a request is refused. */
@Path("/api/v1/whoami")
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
    @Operation(summary = "The roles and scope claims of the bearer token")
    public WhoAmI get() {
        return new WhoAmI(caller.subject(), caller.roles(), caller.venueIds(), caller.organisation().orElse(null),
                caller.jurisdiction().orElse(null));
    }
}

package org.qrtrace.deploy.infra;

import java.util.List;

/** A service's own database and the login that owns it (least privilege: no service can reach another's tables). */
public record ServiceDatabase(String database, String user) {

    public static final ServiceDatabase VENUE = new ServiceDatabase("venue", "venue_svc");
    public static final ServiceDatabase TRACING = new ServiceDatabase("tracing", "tracing_svc");
    public static final List<ServiceDatabase> ALL = List.of(VENUE, TRACING);

    public static ServiceDatabase named(String database) {
        return ALL.stream().filter(d -> d.database.equals(database)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service database " + database));
    }
}

package org.qrtrace.common.security;

/** The roles of docs/architecture.md, as they appear in the JWT {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String VENUE_MANAGER = "venue-manager";
    public static final String HEALTH_OFFICER = "health-officer";
    public static final String GATE_DEVICE = "gate-device";

    private Roles() {
    }
}

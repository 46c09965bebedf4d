package org.qrtrace.common.security;

/** Names of the JWT claims that scope what a caller may see. */
public final class Claims {
    /** venue-manager and gate-device: the venue ids (strings) the caller manages or guards. */
    public static final String VENUES = "venues";
    /** venue-manager: an organisation whose venues the caller manages (optional). */
    public static final String ORGANISATION = "org";
    /** health-officer: the admin-unit code of the officer's jurisdiction (province, district or commune). */
    public static final String JURISDICTION = "jurisdiction";

    private Claims() {
    }
}

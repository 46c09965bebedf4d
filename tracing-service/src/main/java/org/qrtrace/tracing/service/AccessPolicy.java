package org.qrtrace.tracing.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.common.adminunit.Jurisdiction;
import org.qrtrace.tracing.domain.NotAnOfficer;
import org.qrtrace.common.security.Caller;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.repository.VenueDirectory;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Who may see which venue: a health officer sees venues whose administrative unit lies in their jurisdiction (the
 * subtree of the {@code jurisdiction} claim, across the 2025 reorganisation: {@link Jurisdiction}), each venue's unit
 * code read on the day it was given; a venue whose unit is unknown (no venue event yet) is seen by no one.
 */
@ApplicationScoped
public class AccessPolicy {

    private final Caller caller;
    private final Clock clock;

    AccessPolicy(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    /** Today in Vietnam: the day a jurisdiction claim and a unit code given now are read on. */
    public LocalDate today() {
        return AdminUnitRegistry.dayOf(clock.instant());
    }

    /** The officer's jurisdiction; 403 when the token carries none or an unknown one. */
    public Jurisdiction officerJurisdiction() {
        if (!caller.hasRole(Roles.HEALTH_OFFICER)) {
            throw new NotAnOfficer("only health officers may do this");
        }
        String code = caller.jurisdiction().orElseThrow(() ->
                new NotAnOfficer("the token has no jurisdiction claim"));
        Jurisdiction jurisdiction = code.matches("[0-9]{2,5}") ? new Jurisdiction(AdminUnitCode.of(code), today()) : null;
        if (jurisdiction == null || !jurisdiction.known()) {
            throw new NotAnOfficer("the token's jurisdiction " + code + " is not a known administrative unit");
        }
        return jurisdiction;
    }

    public static boolean covers(Jurisdiction jurisdiction, VenueDirectory.Venue venue) {
        return venue != null && jurisdiction != null && jurisdiction.covers(venue.adminUnitCode(), venue.adminUnitGivenOn());
    }

    /** The primary role written to the audit log. */
    public String role() {
        for (String role : new String[] {Roles.ADMIN, Roles.HEALTH_OFFICER, Roles.VENUE_MANAGER, Roles.GATE_DEVICE}) {
            if (caller.hasRole(role)) {
                return role;
            }
        }
        return "none";
    }

    public Caller caller() {
        return caller;
    }
}

package org.qrtrace.venue.service;

import org.junit.jupiter.api.Test;
import org.qrtrace.venue.domain.Category;
import org.qrtrace.venue.domain.NotAVenueManager;
import org.qrtrace.venue.domain.NotYourOrganisation;
import org.qrtrace.venue.domain.NotYourVenue;
import org.qrtrace.venue.domain.OrganisationRequired;
import org.qrtrace.venue.domain.Requester;
import org.qrtrace.venue.domain.Venue;
import org.qrtrace.venue.repository.VenueFilter.Visibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ownership rules on their own (VenueApiTest and VenueImportTest hold the API to them). */
class VenueAccessTest {

    private static final Requester ADMIN = new Requester(true, false, Set.of(), Optional.empty());
    private static final Requester NOBODY = new Requester(false, false, Set.of(), Optional.of("org-a"));

    private static Venue venue(UUID id, String organisation) {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        return new Venue(id, "Chợ A", Category.MARKET, "288", LocalDate.of(2026, 12, 1), "1 A", null, null, organisation,
                1, now, now, now, null, null, List.of());
    }

    private static Requester manager(Set<UUID> venues, String organisation) {
        return new Requester(false, true, venues, Optional.ofNullable(organisation));
    }

    @Test
    void adminsManageEverythingManagersTheirListedVenuesAndTheirOrganisationsOthersNothing() {
        UUID id = UUID.randomUUID();
        Venue ofA = venue(id, "org-a");
        Venue unowned = venue(UUID.randomUUID(), null);
        assertTrue(VenueAccess.manages(ADMIN, ofA));
        assertTrue(VenueAccess.manages(ADMIN, unowned));
        assertTrue(VenueAccess.manages(manager(Set.of(), "org-a"), ofA));
        assertTrue(VenueAccess.manages(manager(Set.of(id), null), ofA));
        assertFalse(VenueAccess.manages(manager(Set.of(), "org-b"), ofA));
        assertFalse(VenueAccess.manages(manager(Set.of(), "org-a"), unowned));
        assertFalse(VenueAccess.manages(NOBODY, ofA), "a health officer or gate device of the same org");
        assertThrows(NotYourVenue.class, () -> VenueAccess.requireManages(manager(Set.of(), "org-b"), ofA));
        assertThrows(NotAVenueManager.class, () -> VenueAccess.requireManager(NOBODY));
    }

    @Test
    void listsShowWhatTheRequesterManages() {
        assertTrue(VenueAccess.visibility(ADMIN).all());
        UUID id = UUID.randomUUID();
        assertEquals(Visibility.only(Set.of(id), "org-a"), VenueAccess.visibility(manager(Set.of(id), "org-a")));
        assertThrows(NotAVenueManager.class, () -> VenueAccess.visibility(NOBODY));
    }

    @Test
    void managersRegisterForTheirOwnOrganisationAdminsForAnyOrNone() {
        assertEquals("org-x", VenueAccess.organisationOfNewVenue(ADMIN, "org-x"));
        assertNull(VenueAccess.organisationOfNewVenue(ADMIN, null));
        assertEquals("org-a", VenueAccess.organisationOfNewVenue(manager(Set.of(), "org-a"), null));
        assertEquals("org-a", VenueAccess.organisationOfNewVenue(manager(Set.of(), "org-a"), "org-a"));
        assertThrows(NotYourOrganisation.class, () -> VenueAccess.organisationOfNewVenue(manager(Set.of(), "org-a"), "org-b"));
        assertThrows(OrganisationRequired.class,
                () -> VenueAccess.organisationOfNewVenue(manager(Set.of(UUID.randomUUID()), null), null));
        assertThrows(NotAVenueManager.class, () -> VenueAccess.organisationOfNewVenue(NOBODY, null));

        assertThrows(OrganisationRequired.class, () -> VenueAccess.requireImporter(manager(Set.of(), null)));
        VenueAccess.requireImporter(manager(Set.of(), "org-a"));
        VenueAccess.requireImporter(ADMIN);
        assertTrue(VenueAccess.mayRegisterFor(manager(Set.of(), "org-a"), " "));
        assertFalse(VenueAccess.mayRegisterFor(manager(Set.of(), null), "org-a"));
    }
}

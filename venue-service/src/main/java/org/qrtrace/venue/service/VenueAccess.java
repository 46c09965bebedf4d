package org.qrtrace.venue.service;

import org.qrtrace.venue.domain.NotAVenueManager;
import org.qrtrace.venue.domain.NotYourOrganisation;
import org.qrtrace.venue.domain.NotYourVenue;
import org.qrtrace.venue.domain.OrganisationRequired;
import org.qrtrace.venue.domain.Requester;
import org.qrtrace.venue.domain.Venue;
import org.qrtrace.venue.domain.VenueDraft;
import org.qrtrace.venue.repository.VenueFilter.Visibility;

import java.util.Optional;

/**
 * Who may see and change which venue, in one place. Only admins and venue managers manage venues (health officers,
 * gate devices and the public have no access to the registry beyond the public keys and admin units; the REST layer's
 * roles already keep them out, these rules hold for any caller of the services). An admin sees and changes every venue
 * and registers for any organisation or none. A venue manager sees and changes the venues listed in its token's
 * {@code venues} claim and those of its organisation ({@code org} claim), and registers venues only for its own
 * organisation, which it must therefore have: a venue it registered without one would be invisible to it.
 */
final class VenueAccess {

    private VenueAccess() {
    }

    /** @throws NotAVenueManager unless the requester is an admin or a venue manager */
    static void requireManager(Requester requester) {
        if (!requester.admin() && !requester.venueManager()) {
            throw new NotAVenueManager();
        }
    }

    /** Whether the requester may see and change this venue. */
    static boolean manages(Requester requester, Venue venue) {
        if (requester.admin()) {
            return true;
        }
        if (!requester.venueManager()) {
            return false;
        }
        return requester.venueIds().contains(venue.id())
                || (venue.organisation() != null && requester.organisation().map(venue.organisation()::equals).orElse(false));
    }

    /** @throws NotYourVenue unless the requester {@link #manages} the venue */
    static Venue requireManages(Requester requester, Venue venue) {
        if (!manages(requester, venue)) {
            throw new NotYourVenue();
        }
        return venue;
    }

    /** The venues a list or a selection may show the requester ({@link #manages}, as a query condition). */
    static Visibility visibility(Requester requester) {
        requireManager(requester);
        return requester.admin() ? Visibility.everything()
                : Visibility.only(requester.venueIds(), requester.organisation().orElse(null));
    }

    /** Whether the requester may name {@code organisation} (blank = none named) as the owner of a venue it registers. */
    static boolean mayRegisterFor(Requester requester, String organisation) {
        return requester.admin() || organisation == null || organisation.isBlank()
                || organisation.equals(requester.organisation().orElse(null));
    }

    /**
     * The organisation a venue registered through the API belongs to: an admin's choice (or none); a venue manager's
     * own.
     */
    static String organisationOfNewVenue(Requester requester, String requested) {
        requireManager(requester);
        if (requester.admin()) {
            return requested;
        }
        Optional<String> own = requester.organisation();
        if (own.isEmpty()) {
            throw new OrganisationRequired("a venue manager needs an organisation (token claim 'org') to register "
                    + "venues; ask an administrator to register it or to issue such a token");
        }
        if (!mayRegisterFor(requester, requested)) {
            throw new NotYourOrganisation();
        }
        return own.get();
    }

    /** @throws OrganisationRequired for a venue manager without an organisation, which could not own what it imports */
    static void requireImporter(Requester requester) {
        requireManager(requester);
        if (!requester.admin() && requester.organisation().isEmpty()) {
            throw new OrganisationRequired("a venue manager needs an organisation (token claim 'org') to import venues");
        }
    }

    /**
     * The organisation of a venue imported from a row: the row's for an admin, else the manager's own (rows naming
     * another were refused by {@link #mayRegisterFor} while reading the file).
     */
    static String organisationOfImportedRow(Requester requester, VenueDraft row) {
        return requester.admin() ? row.organisation() : requester.organisation().orElseThrow();
    }
}

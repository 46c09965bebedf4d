package org.qrtrace.venue.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.qrtrace.common.adminunit.AdminUnit;
import org.qrtrace.common.adminunit.AdminUnits;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.venue.config.QrConfig;
import org.qrtrace.venue.domain.Category;
import org.qrtrace.venue.domain.Entrance;
import org.qrtrace.venue.domain.EntranceNameTaken;
import org.qrtrace.venue.domain.IdentityKey;
import org.qrtrace.venue.domain.InvalidVenue;
import org.qrtrace.venue.domain.NotAVenueManager;
import org.qrtrace.venue.domain.NotYourOrganisation;
import org.qrtrace.venue.domain.NotYourVenue;
import org.qrtrace.venue.domain.OrganisationRequired;
import org.qrtrace.venue.domain.Requester;
import org.qrtrace.venue.domain.TooManyEntrances;
import org.qrtrace.venue.domain.TooManyForBulk;
import org.qrtrace.venue.domain.UnknownEntrance;
import org.qrtrace.venue.domain.Venue;
import org.qrtrace.venue.domain.VenueAlreadyRegistered;
import org.qrtrace.venue.domain.VenueClosed;
import org.qrtrace.venue.domain.VenueDraft;
import org.qrtrace.venue.domain.VenueNotFound;
import org.qrtrace.venue.repository.DuplicateVenueException;
import org.qrtrace.venue.repository.OutboxRepository;
import org.qrtrace.venue.repository.VenueFilter;
import org.qrtrace.venue.repository.VenueRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The venue registry's use cases. Every change and the events describing it are written in one transaction (the
 * outbox), so a venue never exists without its event or the other way round.
 */
@ApplicationScoped
public class VenueService {

    private static final Logger LOG = Logger.getLogger(VenueService.class);

    @Inject
    VenueRepository venues;

    @Inject
    OutboxRepository outbox;

    @Inject
    VenueValidator validator;

    @Inject
    QrConfig qrConfig;

    @Inject
    Clock clock;

    /** The outcome of a token rotation. */
    public record Rotation(Venue venue, UUID entranceId, int tokenVersion, Instant previousValidUntil) {
    }

    /**
     * Which venues to list, as typed values (the REST layer parses the request): {@code adminUnit} the unit and
     * everything below it, null = anywhere; {@code category} null = any; {@code name} text the name contains (compared
     * as {@link IdentityKey#searchable}, so without case or diacritics), null = any; closed venues only when
     * {@code includeClosed}. Always limited to the venues the requester manages.
     */
    public record Criteria(AdminUnit adminUnit, Category category, String name, boolean includeClosed) {
    }

    /** A page of results. */
    public record Page(List<Venue> items, int page, int size, long total) {
    }

    @Transactional
    public Venue create(Requester requester, VenueInput input) {
        requireManager(requester);
        VenueValidator.Result result = validator.validate(input, true);
        if (!result.valid()) {
            throw new InvalidVenue(result.errors());
        }
        String organisation = organisationFor(requester, result.draft().organisation());
        VenueDraft draft = result.draft();
        if (venues.findOpenDuplicate(draft.identity(), null).isPresent()) {
            throw new VenueAlreadyRegistered();
        }
        Venue venue = newVenue(draft, organisation, clock.instant());
        try {
            venues.insert(List.of(venue));
        } catch (DuplicateVenueException e) {
            throw new VenueAlreadyRegistered();
        }
        outbox.append(List.of(VenueEvents.registered(venue, venue.createdAt())));
        LOG.infof("venue %s registered in %s with %d entrances", venue.id(), venue.adminUnitCode(), venue.entrances().size());
        return venue;
    }

    /** A new venue from a valid draft: token version 1 for the venue and each entrance. */
    static Venue newVenue(VenueDraft draft, String organisation, Instant now) {
        UUID id = UUID.randomUUID();
        List<Entrance> entrances = new ArrayList<>();
        for (int i = 0; i < draft.entranceNames().size(); i++) {
            entrances.add(new Entrance(UUID.randomUUID(), id, draft.entranceNames().get(i), i + 1, 1, now));
        }
        return new Venue(id, draft.name(), draft.category(), draft.adminUnitCode(), draft.address(),
                draft.contactPhone(), draft.capacity(), organisation, 1, now, now, now, null, null, entrances);
    }

    @Transactional
    public Venue get(Requester requester, UUID id) {
        return owned(requester, id, false);
    }

    @Transactional
    public Venue update(Requester requester, UUID id, VenueInput input) {
        Venue current = owned(requester, id, true);
        requireOpen(current);
        VenueValidator.Result result = validator.validate(input, false);
        if (!result.valid()) {
            throw new InvalidVenue(result.errors());
        }
        VenueDraft d = result.draft();
        if (d.organisation() != null && !d.organisation().equals(current.organisation())) {
            throw new InvalidVenue("organisation", "cannot be changed here; register the venue under the "
                    + "new organisation instead");
        }
        Instant now = clock.instant();
        Venue next = new Venue(id, d.name(), d.category(), d.adminUnitCode(), d.address(), d.contactPhone(),
                d.capacity(), current.organisation(), current.tokenVersion(), current.tokenIssuedAt(),
                current.createdAt(), now, null, null, current.entrances());
        if (sameFields(current, next)) {
            return current;
        }
        if (venues.findOpenDuplicate(d.identity(), id).isPresent()) {
            throw new VenueAlreadyRegistered();
        }
        try {
            venues.update(next);
        } catch (DuplicateVenueException e) {
            throw new VenueAlreadyRegistered();
        }
        outbox.append(List.of(VenueEvents.updated(next, now)));
        return next;
    }

    @Transactional
    public Entrance addEntrance(Requester requester, UUID venueId, String name) {
        Venue venue = owned(requester, venueId, true);
        requireOpen(venue);
        var errors = validator.validateEntranceName(name);
        if (!errors.isEmpty()) {
            throw new InvalidVenue(errors);
        }
        String clean = VenueValidator.text(name, "name", VenueValidator.MAX_ENTRANCE_NAME, true, new ArrayList<>());
        if (venue.entrances().size() >= VenueValidator.MAX_ENTRANCES) {
            throw new TooManyEntrances(VenueValidator.MAX_ENTRANCES);
        }
        if (venue.entrances().stream().anyMatch(e -> IdentityKey.normalise(e.name()).equals(IdentityKey.normalise(clean)))) {
            throw new EntranceNameTaken();
        }
        Instant now = clock.instant();
        int position = venue.entrances().stream().mapToInt(Entrance::position).max().orElse(0) + 1;
        Entrance entrance = new Entrance(UUID.randomUUID(), venueId, clean, position, 1, now);
        venues.insertEntrance(entrance, now);
        outbox.append(List.of(VenueEvents.entranceAdded(entrance, now)));
        return entrance;
    }

    /**
     * Issues a new token version for the venue-level code ({@code entranceId} null) or one entrance. Codes of the
     * previous versions stay valid for the configured grace period.
     */
    @Transactional
    public Rotation rotate(Requester requester, UUID venueId, UUID entranceId) {
        Venue venue = owned(requester, venueId, true);
        requireOpen(venue);
        Instant now = clock.instant();
        Instant previousValidUntil = now.plus(qrConfig.rotationGrace());
        int version;
        if (entranceId == null) {
            version = venues.bumpVenueToken(venueId, now);
        } else {
            if (venue.entrances().stream().noneMatch(e -> e.id().equals(entranceId))) {
                throw new UnknownEntrance();
            }
            version = venues.bumpEntranceToken(entranceId, now);
        }
        outbox.append(List.of(VenueEvents.rotated(venueId, entranceId, version, previousValidUntil, now)));
        LOG.infof("QR token of venue %s entrance %s rotated to version %d", venueId, entranceId, version);
        return new Rotation(venues.find(venueId, false).orElseThrow(), entranceId, version, previousValidUntil);
    }

    /** Closes the venue and revokes all its codes at once; closing a closed venue changes nothing. */
    @Transactional
    public Venue close(Requester requester, UUID venueId, String reason) {
        Venue venue = owned(requester, venueId, true);
        if (venue.closed()) {
            return venue;
        }
        String why = reason == null || reason.isBlank() ? "venue closed" : reason.strip();
        Instant now = clock.instant();
        venues.close(venueId, now, why);
        outbox.append(List.of(VenueEvents.revokedAll(venue, why, now), VenueEvents.closed(venue, why, now)));
        LOG.infof("venue %s closed", venueId);
        return venues.find(venueId, false).orElseThrow();
    }

    /** Page {@code page} (from 0) of {@code size} venues matching the criteria, by name. */
    @Transactional
    public Page list(Requester requester, Criteria criteria, int page, int size) {
        VenueRepository.Page result = venues.search(filter(requester, criteria), page * size, size);
        return new Page(result.items(), page, size, result.total());
    }

    /**
     * Open venues for bulk posters, selected as {@link #list} selects them (same filter and ownership rules); when more
     * than {@code limit} match, the selection must be narrowed.
     */
    @Transactional
    public List<Venue> selectForPosters(Requester requester, AdminUnit adminUnit, Category category, int limit) {
        VenueRepository.Page selected = venues.search(filter(requester, new Criteria(adminUnit, category, null, false)),
                0, limit);
        if (selected.total() > limit) {
            throw new TooManyForBulk(selected.total(), limit);
        }
        return selected.items();
    }

    /** The repository filter of the criteria, restricted to the venues the requester manages. */
    static VenueFilter filter(Requester requester, Criteria criteria) {
        requireManager(requester);
        return new VenueFilter(
                criteria.adminUnit() == null ? null : AdminUnits.bundled().subtree(criteria.adminUnit().code()),
                criteria.category(),
                criteria.name() == null || criteria.name().isBlank() ? null : IdentityKey.searchable(criteria.name()),
                criteria.includeClosed(), !requester.admin(), requester.venueIds(), requester.organisation().orElse(null));
    }

    /** The venue if it exists and the requester may manage it: {@link VenueNotFound} or {@link NotYourVenue} otherwise. */
    Venue owned(Requester requester, UUID id, boolean forUpdate) {
        requireManager(requester);
        Venue venue = venues.find(id, forUpdate).orElseThrow(() -> new VenueNotFound(id));
        if (!requester.owns(venue)) {
            throw new NotYourVenue();
        }
        return venue;
    }

    /**
     * The organisation a new venue belongs to. An admin may name any (or none); a venue manager registers for its own
     * organisation and needs one, since a venue it could not see afterwards would be lost to it.
     */
    String organisationFor(Requester requester, String requested) {
        if (requester.admin()) {
            return requested;
        }
        Optional<String> own = requester.organisation();
        if (own.isEmpty()) {
            throw new OrganisationRequired("a venue manager needs an organisation (token claim 'org') to register "
                    + "venues; ask an administrator to register it or to issue such a token");
        }
        if (requested != null && !requested.equals(own.get())) {
            throw new NotYourOrganisation();
        }
        return own.get();
    }

    static void requireManager(Requester requester) {
        if (!requester.mayManageVenues()) {
            throw new NotAVenueManager();
        }
    }

    static void requireOpen(Venue venue) {
        if (venue.closed()) {
            throw new VenueClosed(venue.id());
        }
    }

    private static boolean sameFields(Venue a, Venue b) {
        return a.name().equals(b.name()) && a.category() == b.category() && a.adminUnitCode().equals(b.adminUnitCode())
                && a.address().equals(b.address()) && Objects.equals(a.contactPhone(), b.contactPhone())
                && Objects.equals(a.capacity(), b.capacity());
    }

    /** For the import: appends events for venues inserted by the caller's transaction. */
    void appendRegistered(List<Venue> created) {
        List<EventEnvelope> events = new ArrayList<>(created.size());
        for (Venue v : created) {
            events.add(VenueEvents.registered(v, v.createdAt()));
        }
        outbox.append(events);
    }
}

package org.qrtrace.venue.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.qrtrace.common.adminunit.AdminUnits;
import org.qrtrace.common.problem.Problem;
import org.qrtrace.common.problem.ProblemException;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.venue.config.QrConfig;
import org.qrtrace.venue.config.VenueLimitsConfig;
import org.qrtrace.venue.domain.Category;
import org.qrtrace.venue.domain.Entrance;
import org.qrtrace.venue.domain.IdentityKey;
import org.qrtrace.venue.domain.Requester;
import org.qrtrace.venue.domain.Venue;
import org.qrtrace.venue.domain.VenueDraft;
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
import java.util.Set;
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
    VenueLimitsConfig limits;

    @Inject
    Clock clock;

    /** The outcome of a token rotation. */
    public record Rotation(Venue venue, UUID entranceId, int tokenVersion, Instant previousValidUntil) {
    }

    /** Venue search parameters as received. */
    public record Query(String adminUnitCode, String category, String q, boolean includeClosed, Integer page,
                        Integer size) {
    }

    /** A page of results. */
    public record Page(List<Venue> items, int page, int size, long total) {
    }

    @Transactional
    public Venue create(Requester requester, VenueInput input) {
        requireManager(requester);
        VenueValidator.Result result = validator.validate(input, true);
        if (!result.valid()) {
            throw ProblemException.badRequest(describe(result), result.errors());
        }
        String organisation = organisationFor(requester, result.draft().organisation());
        VenueDraft draft = result.draft();
        if (venues.findOpenDuplicate(draft.identity(), null).isPresent()) {
            throw duplicate();
        }
        Venue venue = newVenue(draft, organisation, clock.instant());
        try {
            venues.insert(List.of(venue));
        } catch (DuplicateVenueException e) {
            throw duplicate();
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
            throw ProblemException.badRequest(describe(result), result.errors());
        }
        VenueDraft d = result.draft();
        if (d.organisation() != null && !d.organisation().equals(current.organisation())) {
            throw ProblemException.badField("organisation", "cannot be changed here; register the venue under the "
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
            throw duplicate();
        }
        try {
            venues.update(next);
        } catch (DuplicateVenueException e) {
            throw duplicate();
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
            throw ProblemException.badRequest("name: " + errors.get(0).message(), errors);
        }
        String clean = VenueValidator.text(name, "name", VenueValidator.MAX_ENTRANCE_NAME, true, new ArrayList<>());
        if (venue.entrances().size() >= VenueValidator.MAX_ENTRANCES) {
            throw ProblemException.conflict("a venue has at most " + VenueValidator.MAX_ENTRANCES + " entrances");
        }
        if (venue.entrances().stream().anyMatch(e -> IdentityKey.normalise(e.name()).equals(IdentityKey.normalise(clean)))) {
            throw ProblemException.conflict("this venue already has an entrance named like that");
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
                throw ProblemException.badField("entranceId", "not an entrance of this venue");
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

    @Transactional
    public Page list(Requester requester, Query query) {
        requireManager(requester);
        Set<String> units = null;
        if (query.adminUnitCode() != null && !query.adminUnitCode().isBlank()) {
            units = AdminUnits.bundled().subtree(query.adminUnitCode().strip());
            if (units.isEmpty()) {
                throw ProblemException.badField("adminUnitCode", "unknown administrative unit code");
            }
        }
        Category category = null;
        if (query.category() != null && !query.category().isBlank()) {
            category = Category.parse(query.category());
            if (category == null) {
                throw ProblemException.badField("category", "must be one of " + Category.allowed());
            }
        }
        int page = query.page() == null ? 0 : query.page();
        int size = query.size() == null ? limits.defaultPageSize() : query.size();
        if (page < 0 || (long) page * size > Integer.MAX_VALUE) {
            throw ProblemException.badField("page", "must be between 0 and " + Integer.MAX_VALUE / Math.max(1, size));
        }
        if (size < 1 || size > limits.maxPageSize()) {
            throw ProblemException.badField("size", "must be between 1 and " + limits.maxPageSize());
        }
        String search = query.q() == null || query.q().isBlank() ? null : IdentityKey.searchable(query.q());
        VenueFilter filter = new VenueFilter(units, category, search, query.includeClosed(), !requester.admin(),
                requester.venueIds(), requester.organisation().orElse(null));
        VenueRepository.Page result = venues.search(filter, page * size, size);
        return new Page(result.items(), page, size, result.total());
    }

    /** Venues for bulk posters: same filter and ownership rules as the list, at most {@code limit + 1} returned. */
    @Transactional
    public List<Venue> selectForPosters(Requester requester, String adminUnitCode, String category, int limit) {
        Page page = list(requester, new Query(adminUnitCode, category, null, false, 0, 1));
        if (page.total() > limit) {
            throw ProblemException.badRequest("the filter selects " + page.total() + " venues; at most " + limit
                    + " per bulk download, narrow it by adminUnitCode or category",
                    List.of(new Problem.FieldError("adminUnitCode",
                            "selects more than " + limit + " venues")));
        }
        return venues.search(new VenueFilter(
                adminUnitCode == null || adminUnitCode.isBlank() ? null : AdminUnits.bundled().subtree(adminUnitCode.strip()),
                Category.parse(category), null, false, !requester.admin(), requester.venueIds(),
                requester.organisation().orElse(null)), 0, limit).items();
    }

    /** The venue if it exists and the requester may manage it: 404 otherwise, 403 when it is someone else's. */
    Venue owned(Requester requester, UUID id, boolean forUpdate) {
        requireManager(requester);
        Venue venue = venues.find(id, forUpdate).orElseThrow(() -> ProblemException.notFound("no venue " + id));
        if (!requester.owns(venue)) {
            throw ProblemException.forbidden("this venue is not one you manage");
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
            throw ProblemException.forbidden("a venue manager needs an organisation (token claim 'org') to register "
                    + "venues; ask an administrator to register it or to issue such a token");
        }
        if (requested != null && !requested.equals(own.get())) {
            throw ProblemException.forbidden("a venue manager registers venues only for its own organisation");
        }
        return own.get();
    }

    static void requireManager(Requester requester) {
        if (!requester.mayManageVenues()) {
            throw ProblemException.forbidden("only venue managers and administrators manage venues");
        }
    }

    static void requireOpen(Venue venue) {
        if (venue.closed()) {
            throw ProblemException.conflict("venue " + venue.id() + " is closed");
        }
    }

    static ProblemException duplicate() {
        return ProblemException.conflict("an open venue with the same administrative unit, name and address is "
                + "already registered");
    }

    static String describe(VenueValidator.Result result) {
        StringBuilder sb = new StringBuilder();
        result.errors().forEach(e -> sb.append(sb.isEmpty() ? "" : "; ").append(e.field()).append(": ").append(e.message()));
        return sb.toString();
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

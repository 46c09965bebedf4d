package org.qrtrace.venue.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.venue.config.QrConfig;
import org.qrtrace.venue.domain.Category;
import org.qrtrace.venue.domain.Entrance;
import org.qrtrace.venue.domain.EntranceNameTaken;
import org.qrtrace.venue.domain.IdentityKey;
import org.qrtrace.venue.domain.InvalidVenue;
import org.qrtrace.venue.domain.Requester;
import org.qrtrace.venue.domain.TooManyEntrances;
import org.qrtrace.venue.domain.TooManyForBulk;
import org.qrtrace.venue.domain.UnknownEntrance;
import org.qrtrace.venue.domain.Venue;
import org.qrtrace.venue.domain.VenueAlreadyRegistered;
import org.qrtrace.venue.domain.VenueClosed;
import org.qrtrace.venue.domain.VenueDraft;
import org.qrtrace.venue.domain.VenueNotFound;
import org.qrtrace.venue.repository.OutboxRepository;
import org.qrtrace.venue.repository.VenueFilter;
import org.qrtrace.venue.repository.VenueRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The venue registry's use cases. Every change and the events describing it are written in one transaction (the
 * outbox), so a venue never exists without its event or the other way round. Who may do what is
 * {@link VenueAccess}'s to say.
 */
@ApplicationScoped
public class VenueService {

    private static final Logger LOG = Logger.getLogger(VenueService.class);

    private final VenueRepository venues;
    private final OutboxRepository outbox;
    private final VenueValidator validator;
    private final QrConfig qrConfig;
    private final VenuePlacements placements;
    private final Clock clock;

    VenueService(VenueRepository venues, OutboxRepository outbox, VenueValidator validator, QrConfig qrConfig,
                 VenuePlacements placements, Clock clock) {
        this.venues = venues;
        this.outbox = outbox;
        this.validator = validator;
        this.qrConfig = qrConfig;
        this.placements = placements;
        this.clock = clock;
    }

    /** The outcome of a token rotation. */
    public record Rotation(Venue venue, UUID entranceId, int tokenVersion, Instant previousValidUntil) {
    }

    /**
     * Which venues to list, as typed values (the REST layer parses the request): {@code adminUnitCode} the code of a
     * unit as asked today (read by {@link VenuePlacements#unitAsked}), selecting the venues whose unit it covers
     * ({@link VenuePlacements#venuesWithin}), null = anywhere; {@code category} null = any; {@code name} text the name
     * contains (compared as {@link IdentityKey#searchable}, so without case or diacritics), null = any; closed venues
     * only when {@code includeClosed}. Always limited to the venues the requester manages.
     */
    public record Criteria(String adminUnitCode, Category category, String name, boolean includeClosed) {

        /** The open venues of a unit (null = anywhere) and category (null = any): a bulk poster selection. */
        public static Criteria open(String adminUnitCode, Category category) {
            return new Criteria(adminUnitCode, category, null, false);
        }
    }

    /** A page of results. */
    public record Page(List<Venue> items, int page, int size, long total) {
    }

    @Transactional
    public Venue create(Requester requester, VenueInput input) {
        VenueAccess.requireManager(requester);
        Instant now = clock.instant();
        VenueDraft draft = valid(input, true, placements.dayOf(now));
        String organisation = VenueAccess.organisationOfNewVenue(requester, draft.organisation());
        if (venues.openDuplicateExists(draft.identity(), null)) {
            throw new VenueAlreadyRegistered();
        }
        Venue venue = newVenue(draft, organisation, now);
        venues.insert(List.of(venue));
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
        return new Venue(id, draft.name(), draft.category(), draft.adminUnitCode(), draft.adminUnitGivenOn(),
                draft.address(), draft.contactPhone(), draft.capacity(), organisation, 1, now, now, now, null, null,
                entrances);
    }

    @Transactional
    public Venue get(Requester requester, UUID id) {
        return managed(requester, id, false);
    }

    /**
     * Replaces the venue's descriptive fields. A code that changes is given today; a code sent again unchanged keeps
     * the day it was given, and so the unit it named (an update of the name never turns old commune 10507, Phường Cẩm
     * Thượng, into today's 10507, Phường Thành Đông).
     */
    @Transactional
    public Venue update(Requester requester, UUID id, VenueInput input) {
        Venue current = managed(requester, id, true);
        requireOpen(current);
        Instant now = clock.instant();
        boolean sameCode = input.adminUnitCode() != null && input.adminUnitCode().strip().equals(current.adminUnitCode());
        VenueDraft d = valid(input, false, sameCode ? current.adminUnitGivenOn() : placements.dayOf(now));
        if (d.organisation() != null && !d.organisation().equals(current.organisation())) {
            throw new InvalidVenue("organisation", "cannot be changed here; register the venue under the "
                    + "new organisation instead");
        }
        Venue next = new Venue(id, d.name(), d.category(), d.adminUnitCode(), d.adminUnitGivenOn(), d.address(),
                d.contactPhone(), d.capacity(), current.organisation(), current.tokenVersion(), current.tokenIssuedAt(),
                current.createdAt(), now, null, null, current.entrances());
        if (sameFields(current, next)) {
            return current;
        }
        if (venues.openDuplicateExists(d.identity(), id)) {
            throw new VenueAlreadyRegistered();
        }
        venues.update(next);
        outbox.append(List.of(VenueEvents.updated(next, now)));
        return next;
    }

    @Transactional
    public Entrance addEntrance(Requester requester, UUID venueId, String name) {
        Venue venue = managed(requester, venueId, true);
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
        Venue venue = managed(requester, venueId, true);
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
        Venue venue = managed(requester, venueId, true);
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
        VenueRepository.Result result = venues.search(filter(requester, criteria), page, size);
        return new Page(result.items(), page, size, result.total());
    }

    /**
     * The open venues of a bulk poster selection, chosen as {@link #list} chooses (the same filter, so the same
     * ownership rules); when more than {@code limit} match, the selection must be narrowed.
     */
    @Transactional
    public List<Venue> selectForPosters(Requester requester, String adminUnitCode, Category category, int limit) {
        VenueRepository.Result selected = venues.search(filter(requester, Criteria.open(adminUnitCode, category)), 0,
                limit);
        if (selected.total() > limit) {
            throw new TooManyForBulk(selected.total(), limit);
        }
        return selected.items();
    }

    /**
     * The one translation of criteria into the repository's filter, restricted to what the requester may see.
     *
     * @throws org.qrtrace.venue.domain.UnknownAdminUnit naming {@code adminUnitCode} when no unit has the code asked
     */
    VenueFilter filter(Requester requester, Criteria criteria) {
        VenueFilter.Visibility visibility = VenueAccess.visibility(requester);
        return new VenueFilter(
                criteria.adminUnitCode() == null ? null
                        : placements.venuesWithin(placements.unitAsked("adminUnitCode", criteria.adminUnitCode())),
                criteria.category(),
                criteria.name() == null || criteria.name().isBlank() ? null : IdentityKey.searchable(criteria.name()),
                criteria.includeClosed(), visibility);
    }

    /** The venue if it exists and the requester manages it: {@link VenueNotFound} or {@code NotYourVenue} otherwise. */
    private Venue managed(Requester requester, UUID id, boolean forUpdate) {
        VenueAccess.requireManager(requester);
        Venue venue = venues.find(id, forUpdate).orElseThrow(() -> new VenueNotFound(id));
        return VenueAccess.requireManages(requester, venue);
    }

    private VenueDraft valid(VenueInput input, boolean withEntrances, LocalDate adminUnitDay) {
        VenueValidator.Result result = validator.validate(input, withEntrances, adminUnitDay);
        if (!result.valid()) {
            throw new InvalidVenue(result.errors());
        }
        return result.draft();
    }

    private static void requireOpen(Venue venue) {
        if (venue.closed()) {
            throw new VenueClosed(venue.id());
        }
    }

    private static boolean sameFields(Venue a, Venue b) {
        return a.name().equals(b.name()) && a.category() == b.category() && a.adminUnitCode().equals(b.adminUnitCode())
                && a.adminUnitGivenOn().equals(b.adminUnitGivenOn()) && a.address().equals(b.address()) && Objects.equals(a.contactPhone(), b.contactPhone())
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

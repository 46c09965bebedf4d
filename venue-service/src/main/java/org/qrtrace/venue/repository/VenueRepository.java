package org.qrtrace.venue.repository;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.qrtrace.venue.domain.Entrance;
import org.qrtrace.venue.domain.IdentityKey;
import org.qrtrace.venue.domain.Venue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Venues and entrances, through Hibernate ORM with Panache ({@link VenueRow}, {@link EntranceRow}). Callers run inside
 * a transaction, the same one their outbox events are appended in, so a change and its events commit together or not
 * at all. Each method that writes flushes before it returns, and every database failure leaves as a domain exception
 * ({@link DatabaseFailures}).
 */
@ApplicationScoped
public class VenueRepository {

    /** Escapes LIKE's wildcards; not a backslash, which HQL and SQL string literals would each read differently. */
    private static final String LIKE_ESCAPE = "!";

    private final DatabaseFailures failures;

    VenueRepository(DatabaseFailures failures) {
        this.failures = failures;
    }

    /** A page of venues and the total matching the filter. */
    public record Result(List<Venue> items, long total) {
    }

    /**
     * Registers new venues with their entrances (JDBC batches; an import passes thousands).
     *
     * @throws org.qrtrace.venue.domain.VenueAlreadyRegistered when an open venue with the same identity exists
     */
    public void insert(List<Venue> venues) {
        failures.run("register venues", () -> {
            List<VenueRow> rows = new ArrayList<>(venues.size());
            List<EntranceRow> entrances = new ArrayList<>();
            for (Venue venue : venues) {
                rows.add(VenueRow.of(venue));
                for (Entrance entrance : venue.entrances()) {
                    entrances.add(EntranceRow.of(entrance, venue.createdAt()));
                }
            }
            // The entrance rows reference their venue, and the rows are not mapped as an association that would tell
            // Hibernate so: the venues are written first.
            VenueRow.persist(rows);
            VenueRow.flush();
            EntranceRow.persist(entrances);
            EntranceRow.flush();
        });
    }

    public void insertEntrance(Entrance entrance, Instant now) {
        failures.run("add an entrance", () -> {
            EntranceRow.of(entrance, now).persist();
            EntranceRow.flush();
        });
    }

    /** The venue with its entrances; {@code forUpdate} locks the venue row until the transaction ends. */
    public Optional<Venue> find(UUID id, boolean forUpdate) {
        return failures.call("read a venue", () -> {
            Optional<VenueRow> row = VenueRow.findByIdOptional(id,
                    forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
            return row.map(v -> v.toVenue(entrances(List.of(id)).getOrDefault(id, List.of())));
        });
    }

    /** Whether an open venue other than {@code except} (null = none) has this identity. */
    public boolean openDuplicateExists(IdentityKey key, UUID except) {
        return failures.call("look for a duplicate venue", () -> VenueRow.count(
                "adminUnitCode = :unit and nameKey = :name and addressKey = :address and closedAt is null and id <> :except",
                Parameters.with("unit", key.adminUnitCode()).and("name", key.nameKey()).and("address", key.addressKey())
                        .and("except", except == null ? new UUID(0, 0) : except)) > 0);
    }

    /** Identities of open venues in the given admin units: what an import checks its rows against, in one query. */
    public Set<IdentityKey> openIdentitiesIn(Collection<String> adminUnitCodes) {
        if (adminUnitCodes.isEmpty()) {
            return new HashSet<>();
        }
        return failures.call("read the open venues' identities", () -> new HashSet<>(VenueRow
                .find("closedAt is null and adminUnitCode in :units", Parameters.with("units", adminUnitCodes))
                .project(IdentityKey.class).list()));
    }

    /** Replaces the descriptive fields of the venue (and its identity keys) with {@code venue}'s. */
    public void update(Venue venue) {
        failures.run("update a venue", () -> {
            row(venue.id()).describe(venue);
            VenueRow.flush();
        });
    }

    /** Closes the venue unless it is closed already. */
    public void close(UUID id, Instant closedAt, String reason) {
        failures.run("close a venue", () -> {
            VenueRow row = row(id);
            if (row.closedAt == null) {
                row.closedAt = closedAt;
                row.closeReason = reason;
                row.updatedAt = closedAt;
                VenueRow.flush();
            }
        });
    }

    /** Issues a new version of the venue-level token; returns it. The caller holds the venue's lock. */
    public int bumpVenueToken(UUID venueId, Instant issuedAt) {
        return failures.call("rotate a venue's code", () -> {
            VenueRow row = row(venueId);
            row.tokenVersion++;
            row.tokenIssuedAt = issuedAt;
            row.updatedAt = issuedAt;
            VenueRow.flush();
            return row.tokenVersion;
        });
    }

    /** Issues a new version of an entrance's token; returns it. The caller holds the venue's lock. */
    public int bumpEntranceToken(UUID entranceId, Instant issuedAt) {
        return failures.call("rotate an entrance's code", () -> {
            EntranceRow row = EntranceRow.<EntranceRow>findByIdOptional(entranceId)
                    .orElseThrow(() -> new IllegalStateException("no entrance " + entranceId));
            row.tokenVersion++;
            row.tokenIssuedAt = issuedAt;
            EntranceRow.flush();
            return row.tokenVersion;
        });
    }

    /** Page {@code page} (from 0) of {@code size} venues matching the filter, ordered by name then id, and the total. */
    public Result search(VenueFilter filter, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters params = new Parameters();
        if (!filter.includeClosed()) {
            conditions.add("closedAt is null");
        }
        if (filter.adminUnits() != null) {
            List<String> units = new ArrayList<>();
            for (int i = 0; i < filter.adminUnits().size(); i++) {
                VenueFilter.UnitCodes u = filter.adminUnits().get(i);
                String unit = "adminUnitCode in :units" + i;
                params.and("units" + i, u.codes());
                if (u.givenFrom() != null) {
                    unit += " and adminUnitGivenOn >= :from" + i;
                    params.and("from" + i, u.givenFrom());
                }
                if (u.givenBefore() != null) {
                    unit += " and adminUnitGivenOn < :before" + i;
                    params.and("before" + i, u.givenBefore());
                }
                units.add("(" + unit + ")");
            }
            conditions.add(units.isEmpty() ? "1 = 0" : "(" + String.join(" or ", units) + ")");
        }
        if (filter.category() != null) {
            conditions.add("category = :category");
            params.and("category", filter.category());
        }
        if (filter.nameSearch() != null && !filter.nameSearch().isEmpty()) {
            conditions.add("searchText like :search escape '" + LIKE_ESCAPE + "'");
            params.and("search", "%" + likeLiteral(filter.nameSearch()) + "%");
        }
        VenueFilter.Visibility visibility = filter.visibility();
        if (!visibility.all()) {
            List<String> visible = new ArrayList<>();
            if (!visibility.venueIds().isEmpty()) {
                visible.add("id in :venueIds");
                params.and("venueIds", visibility.venueIds());
            }
            if (visibility.organisation() != null) {
                visible.add("organisation = :organisation");
                params.and("organisation", visibility.organisation());
            }
            if (visible.isEmpty()) {
                return new Result(List.of(), 0);
            }
            conditions.add("(" + String.join(" or ", visible) + ")");
        }
        String query = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return failures.call("search venues", () -> {
            long total = VenueRow.count(query, params);
            List<VenueRow> rows = VenueRow.<VenueRow>find(query, Sort.by("nameKey").and("id"), params)
                    .page(Page.of(page, size)).list();
            Map<UUID, List<Entrance>> entrances = entrances(rows.stream().map(r -> r.id).toList());
            return new Result(rows.stream().map(r -> r.toVenue(entrances.getOrDefault(r.id, List.of()))).toList(),
                    total);
        });
    }

    /** Text matched literally inside a LIKE pattern: the pattern's own characters escaped. */
    static String likeLiteral(String text) {
        return text.replace(LIKE_ESCAPE, LIKE_ESCAPE + LIKE_ESCAPE).replace("%", LIKE_ESCAPE + "%")
                .replace("_", LIKE_ESCAPE + "_");
    }

    /** The entrances of these venues in one query, each venue's in position order. */
    private static Map<UUID, List<Entrance>> entrances(List<UUID> venueIds) {
        Map<UUID, List<Entrance>> out = new LinkedHashMap<>();
        if (venueIds.isEmpty()) {
            return out;
        }
        List<EntranceRow> rows = EntranceRow.list("venueId in ?1", Sort.by("venueId").and("position"), venueIds);
        for (EntranceRow row : rows) {
            out.computeIfAbsent(row.venueId, k -> new ArrayList<>()).add(row.toEntrance());
        }
        return out;
    }

    /** The row of a venue the caller has read in this transaction. */
    private static VenueRow row(UUID id) {
        return VenueRow.<VenueRow>findByIdOptional(id).orElseThrow(() -> new IllegalStateException("no venue " + id));
    }
}

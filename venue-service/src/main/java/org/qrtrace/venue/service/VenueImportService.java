package org.qrtrace.venue.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.qrtrace.common.error.FieldError;
import org.qrtrace.venue.config.VenueLimitsConfig;
import org.qrtrace.venue.domain.IdentityKey;
import org.qrtrace.venue.domain.ImportRaced;
import org.qrtrace.venue.domain.ImportRejected;
import org.qrtrace.venue.domain.Requester;
import org.qrtrace.venue.domain.Venue;
import org.qrtrace.venue.domain.VenueAlreadyRegistered;
import org.qrtrace.venue.repository.VenueRepository;
import org.qrtrace.venue.service.VenueCsvReader.Parsed;
import org.qrtrace.venue.service.VenueCsvReader.ValidRow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bulk registration from CSV ({@link VenueCsvReader} reads and checks the file). Nothing is created when any row
 * fails, unless partial import is asked for, in which case the valid rows are created and the rest reported. Rows
 * that match an open venue already registered are reported, never registered twice.
 */
@ApplicationScoped
public class VenueImportService {

    private static final Logger LOG = Logger.getLogger(VenueImportService.class);

    private final VenueRepository venues;
    private final VenueService venueService;
    private final VenueValidator validator;
    private final VenueLimitsConfig limits;
    private final VenuePlacements placements;
    private final Clock clock;

    VenueImportService(VenueRepository venues, VenueService venueService, VenueValidator validator,
                       VenueLimitsConfig limits, VenuePlacements placements, Clock clock) {
        this.venues = venues;
        this.venueService = venueService;
        this.validator = validator;
        this.limits = limits;
        this.placements = placements;
        this.clock = clock;
    }

    /** One created venue and the line it came from. */
    public record CreatedRow(int line, UUID id, String name) {
    }

    /** The outcome: rows read, venues created, and every problem (capped at the configured number of reports). */
    public record Report(int rows, int created, int rejected, List<CreatedRow> venues, List<FieldError> errors,
                         int errorCount) {
    }

    @Transactional
    public Report importCsv(Requester requester, byte[] body, boolean partial) {
        VenueAccess.requireImporter(requester);
        long started = System.nanoTime();
        Instant now = clock.instant();
        Parsed parsed = new VenueCsvReader(validator, limits.importMaxRows(), placements.dayOf(now))
                .read(body, requester);
        int rows = parsed.rows();
        List<ValidRow> valid = parsed.valid();
        List<FieldError> errors = new ArrayList<>(parsed.errors());
        Set<IdentityKey> existing = venues.openIdentitiesIn(
                valid.stream().map(r -> r.draft().adminUnitCode()).collect(Collectors.toSet()));
        List<ValidRow> fresh = new ArrayList<>();
        for (ValidRow r : valid) {
            if (existing.contains(r.draft().identity())) {
                errors.add(new FieldError("name", "an open venue with the same administrative unit, name and address "
                        + "is already registered", r.line(), parsed.columns().get("name")));
            } else {
                fresh.add(r);
            }
        }
        int rejectedRows = rows - fresh.size();
        int errorCount = errors.size();
        errors.sort(Comparator.comparing(FieldError::line, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
                .thenComparing(FieldError::column, Comparator.nullsFirst(Comparator.<Integer>naturalOrder())));
        List<FieldError> reported = errors.size() > limits.importMaxReportedErrors()
                ? errors.subList(0, limits.importMaxReportedErrors()) : errors;
        if (errorCount > 0 && !partial) {
            throw new ImportRejected(rejectedRows + " of " + rows + " rows have problems (" + errorCount
                    + " in total" + (reported.size() < errorCount ? ", first " + reported.size() + " listed" : "")
                    + "); nothing was imported", reported);
        }
        long validated = System.nanoTime();
        List<Venue> created = new ArrayList<>(fresh.size());
        List<CreatedRow> createdRows = new ArrayList<>(fresh.size());
        for (ValidRow r : fresh) {
            Venue v = VenueService.newVenue(r.draft(), VenueAccess.organisationOfImportedRow(requester, r.draft()), now);
            created.add(v);
            createdRows.add(new CreatedRow(r.line(), v.id(), v.name()));
        }
        if (!created.isEmpty()) {
            try {
                venues.insert(created);
            } catch (VenueAlreadyRegistered e) {
                // The file was checked against the registry; someone registered one of its venues since.
                throw new ImportRaced();
            }
            venueService.appendRegistered(created);
        }
        LOG.infof("CSV import: %d rows, %d venues created, %d rows rejected (checked in %d ms, stored in %d ms)", rows,
                created.size(), rejectedRows, (validated - started) / 1_000_000, (System.nanoTime() - validated) / 1_000_000);
        return new Report(rows, created.size(), rejectedRows, createdRows, List.copyOf(reported), errorCount);
    }
}

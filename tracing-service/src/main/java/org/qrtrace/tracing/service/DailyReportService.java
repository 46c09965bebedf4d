package org.qrtrace.tracing.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.qrtrace.common.adminunit.AdminUnit;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.common.adminunit.AdminUnits;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.tracing.domain.OutsideJurisdiction;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.DailyFigures;
import org.qrtrace.tracing.repository.ReportRepository;
import org.qrtrace.tracing.repository.ReportRepository.SnapshotRow;
import org.qrtrace.tracing.repository.ReportRepository.UnitMapping;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The provinces' daily counts per administrative unit, rolled up commune -> district -> province, live and as frozen
 * at the cut-off hour. Report days are local days in the configured zone (Asia/Ho_Chi_Minh).
 */
@ApplicationScoped
public class DailyReportService {

    private static final Logger LOG = Logger.getLogger(DailyReportService.class);

    private final ReportRepository reports;
    private final AccessPolicy access;
    private final TracingConfig config;
    private final Clock clock;

    DailyReportService(ReportRepository reports, AccessPolicy access, TracingConfig config, Clock clock) {
        this.reports = reports;
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    /** A report: one row per unit of the requested subtree, in tree order. */
    public record DailyReport(LocalDate date, String adminUnitCode, String zone, Instant cutoff, Instant snapshotTakenAt,
                              String adminUnitDataVersion, List<Row> rows) {
    }

    public record Row(String adminUnitCode, String name, String level, String parentCode, Long population,
                      int venuesRegistered, int venuesActive, int checkins, int uniqueVisitors, BigDecimal visitorsPer1000,
                      BigDecimal activeVenueShare, int cases, int contactsIdentified, int notified, int delivered,
                      int reached, int testedPositive, Figures snapshot) {
    }

    /** Frozen figures of a unit at the cut-off. */
    public record Figures(int venuesRegistered, int venuesActive, int checkins, int uniqueVisitors,
                          BigDecimal visitorsPer1000, BigDecimal activeVenueShare, int cases, int contactsIdentified,
                          int notified, int delivered, int reached, int testedPositive) {

        static Figures of(DailyFigures f, Long population) {
            return new Figures(f.venuesRegistered(), f.venuesActive(), f.checkins(), f.uniqueVisitors(),
                    f.visitorsPer1000(population), f.activeVenueShare(), f.cases(), f.contactsIdentified(), f.notified(),
                    f.delivered(), f.reached(), f.testedPositive());
        }
    }

    /** What a snapshot run did. */
    public record SnapshotResult(LocalDate date, Instant cutoff, boolean alreadyTaken, int units) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.reports().zone()));
    }

    @Transactional
    public DailyReport report(LocalDate date, AdminUnitCode adminUnitCode) {
        String code = authorizedUnit(adminUnitCode).value();
        LocalDate day = date == null ? today() : date;
        AdminUnits units = AdminUnits.bundled();
        List<String> codes = List.copyOf(units.subtree(code));
        Map<String, DailyFigures> live = reports.figures(mapping(units, codes), startOf(day), startOf(day.plusDays(1)));
        Map<String, SnapshotRow> frozen = reports.snapshot(day, codes);
        List<Row> rows = new ArrayList<>();
        for (String c : codes) {
            AdminUnit u = units.find(c).orElseThrow();
            DailyFigures f = live.getOrDefault(c, DailyFigures.NONE);
            SnapshotRow s = frozen.get(c);
            Figures snap = s == null ? null : Figures.of(s.figures(), u.population());
            rows.add(new Row(u.code(), u.name(), u.level().name(), u.parentCode(), u.population(), f.venuesRegistered(),
                    f.venuesActive(), f.checkins(), f.uniqueVisitors(), f.visitorsPer1000(u.population()),
                    f.activeVenueShare(), f.cases(), f.contactsIdentified(), f.notified(), f.delivered(), f.reached(),
                    f.testedPositive(), snap));
        }
        SnapshotRow any = frozen.get(code);
        return new DailyReport(day, code, config.reports().zone().getId(), cutoffOf(day),
                any == null ? null : any.takenAt(), units.dataVersion(), rows);
    }

    /**
     * Freezes the figures of every unit for {@code date}: check-ins before the cut-off of that day. A date already
     * snapshotted keeps its figures.
     */
    @Transactional
    public SnapshotResult snapshot(LocalDate date) {
        Instant cutoff = cutoffOf(date);
        if (reports.hasSnapshot(date)) {
            return new SnapshotResult(date, cutoff, true, 0);
        }
        AdminUnits units = AdminUnits.bundled();
        List<String> codes = units.all().stream().map(AdminUnit::code).toList();
        Map<String, DailyFigures> figures = new java.util.HashMap<>(reports.figures(mapping(units, codes), startOf(date), cutoff));
        codes.forEach(c -> figures.putIfAbsent(c, DailyFigures.NONE));
        reports.saveSnapshot(date, cutoff, clock.instant(), figures);
        LOG.infof("daily report snapshot taken for %s (cut-off %s, %d units)", date, cutoff, figures.size());
        return new SnapshotResult(date, cutoff, false, figures.size());
    }

    @Scheduled(every = "${qrtrace.tracing.reports.snapshot-check-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void snapshotWhenDue() {
        snapshotIfDue(clock.instant());
    }

    /**
     * Takes the snapshot of the local day of {@code now} once its cut-off has passed and none exists yet (so a restart
     * after the cut-off catches up). Empty when nothing was due.
     */
    public java.util.Optional<SnapshotResult> snapshotIfDue(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, config.reports().zone());
        if (now.isBefore(cutoffOf(day)) || reports.hasSnapshot(day)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(snapshot(day));
    }

    /** The unit asked for (an officer's own jurisdiction when none is), known and inside the caller's jurisdiction. */
    private AdminUnitCode authorizedUnit(AdminUnitCode asked) {
        boolean admin = access.caller().hasRole(Roles.ADMIN);
        if (asked == null) {
            if (admin) {
                throw InvalidInput.field("adminUnitCode", "is required");
            }
            return access.officerJurisdiction().unit();
        }
        if (AdminUnits.bundled().find(asked).isEmpty()) {
            throw InvalidInput.field("adminUnitCode", "unknown administrative unit " + asked);
        }
        if (!admin && !access.officerJurisdiction().covers(asked)) {
            throw new OutsideJurisdiction("administrative unit " + asked);
        }
        return asked;
    }

    private static UnitMapping mapping(AdminUnits units, List<String> reportCodes) {
        List<String> venueCodes = new ArrayList<>();
        List<String> rowCodes = new ArrayList<>();
        for (String row : reportCodes) {
            for (String below : units.subtree(row)) {
                venueCodes.add(below);
                rowCodes.add(row);
            }
        }
        return new UnitMapping(venueCodes, rowCodes);
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(config.reports().zone()).toInstant();
    }

    public Instant cutoffOf(LocalDate day) {
        return ZonedDateTime.of(day, config.reports().cutoff(), config.reports().zone()).toInstant();
    }
}

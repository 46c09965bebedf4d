package org.qrtrace.tracing.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.common.adminunit.AdminUnitEdition;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.common.adminunit.EditionUnit;
import org.qrtrace.common.adminunit.Jurisdiction;
import org.qrtrace.common.adminunit.PopulationCount;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.tracing.domain.OutsideJurisdiction;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.DailyFigures;
import org.qrtrace.tracing.repository.PopulationRepository;
import org.qrtrace.tracing.repository.ReportRepository;
import org.qrtrace.tracing.repository.ReportRepository.SnapshotRow;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provinces' daily counts per administrative unit, live and as frozen at the cut-off hour (docs/architecture.md,
 * "Daily reports"). A report rolls up by one edition of the official list, its structure: by default the tree in force
 * on the report's date (commune, district, province before 2025-07-01; commune, province since), or the one asked for;
 * venues and cases registered under units of another edition are placed through the mapping ({@link ReportStructure}).
 * Report days are local days in the configured zone (Asia/Ho_Chi_Minh).
 */
@ApplicationScoped
public class DailyReportService {

    private static final Logger LOG = Logger.getLogger(DailyReportService.class);

    /** What the report says about how its rows add up. */
    static final String ROLL_UP = "Every count (venuesRegistered, venuesActive, checkins, cases, contactsIdentified, "
            + "notified, delivered, reached, testedPositive) of a unit is the sum of the counts of the units directly "
            + "below it and of its NOT_PLACED row (what lies in the unit but in none of them: a venue registered under "
            + "the unit itself, or under a unit of another edition that the mapping does not place in one of them). "
            + "uniqueVisitors counts a person once per unit: someone seen in two communes counts in each and once in "
            + "their province, so it does not add up, nor do the shares derived from it.";

    private final ReportRepository reports;
    private final PopulationRepository populations;
    private final AccessPolicy access;
    private final TracingConfig config;
    private final Clock clock;
    private final AdminUnitRegistry registry = AdminUnitRegistry.bundled();
    private final Map<String, ReportStructure> structures = new ConcurrentHashMap<>();
    private final Map<String, String> levelsByEdition = new ConcurrentHashMap<>();

    DailyReportService(ReportRepository reports, PopulationRepository populations, AccessPolicy access,
                       TracingConfig config, Clock clock) {
        this.reports = reports;
        this.populations = populations;
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A report: one row per unit of the requested subtree in tree order, each unit's NOT_PLACED row (when anything is
     * in it) after its children.
     */
    public record DailyReport(LocalDate date, String adminUnitCode, String adminUnitName, String structure,
                              String structureLevels, String zone, Instant cutoff, Instant snapshotTakenAt,
                              String rollUp, List<Row> rows) {
    }

    /**
     * One row. For a NOT_PLACED row {@code adminUnitCode} is null, {@code level} is NOT_PLACED and {@code parentCode} the
     * unit it lies in. {@code population} is the figure {@code adoptionPercent} divides by, with its year and source;
     * both are absent where no population is known.
     */
    public record Row(String adminUnitCode, String name, String level, String parentCode, Population population,
                      int venuesRegistered, int venuesActive, int checkins, int uniqueVisitors, BigDecimal adoptionPercent,
                      BigDecimal activeVenueShare, int cases, int contactsIdentified, int notified, int delivered,
                      int reached, int testedPositive, Figures snapshot) {
    }

    /** A unit's population as the report used it. */
    public record Population(long count, int year, String source) {

        static Population of(PopulationCount p) {
            return p == null ? null : new Population(p.count(), p.year(), p.source());
        }
    }

    /** Frozen figures of a row at the cut-off. */
    public record Figures(int venuesRegistered, int venuesActive, int checkins, int uniqueVisitors,
                          BigDecimal adoptionPercent, BigDecimal activeVenueShare, int cases, int contactsIdentified,
                          int notified, int delivered, int reached, int testedPositive) {

        static Figures of(DailyFigures f, Population population) {
            return new Figures(f.venuesRegistered(), f.venuesActive(), f.checkins(), f.uniqueVisitors(),
                    f.adoptionPercent(population == null ? null : population.count()), f.activeVenueShare(), f.cases(),
                    f.contactsIdentified(), f.notified(), f.delivered(), f.reached(), f.testedPositive());
        }
    }

    /** What a snapshot run did: the structures frozen and the rows stored. */
    public record SnapshotResult(LocalDate date, Instant cutoff, boolean alreadyTaken, List<String> structures, int units) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.reports().zone()));
    }

    /**
     * The report of {@code adminUnitCode} (the officer's jurisdiction when null) for {@code date} (today when null), in
     * {@code structure} (an edition id; null: the edition of the unit the code names on the date, which is the one in
     * force then unless only an earlier edition has the code).
     */
    @Transactional
    public DailyReport report(LocalDate date, AdminUnitCode adminUnitCode, String structure) {
        LocalDate day = date == null ? today() : date;
        EditionUnit unit = authorizedUnit(day, adminUnitCode, structure);
        ReportStructure tree = structureOf(unit);
        Map<String, DailyFigures> live = reports.figures(tree.mapping(), startOf(day), startOf(day.plusDays(1)));
        List<String> keys = tree.rows().stream().map(ReportStructure.Line::key).toList();
        Map<String, SnapshotRow> frozen = reports.snapshot(day, unit.edition(), keys);
        Map<String, PopulationCount> set = populations.current(unit.edition(),
                tree.rows().stream().map(l -> l.unit().code()).distinct().toList());
        List<Row> rows = new ArrayList<>();
        for (ReportStructure.Line line : tree.rows()) {
            DailyFigures f = live.get(line.key());
            SnapshotRow s = frozen.get(line.key());
            if (line.notPlaced() && isEmpty(f) && (s == null || isEmpty(s.figures()))) {
                continue;
            }
            f = f == null ? DailyFigures.NONE : f;
            EditionUnit u = line.unit();
            Population population = line.notPlaced() ? null : Population.of(set.getOrDefault(u.code(),
                    registry.population(u.edition(), u.code()).orElse(null)));
            Long count = population == null ? null : population.count();
            rows.add(new Row(line.notPlaced() ? null : u.code(),
                    line.notPlaced() ? "not placed in a unit below " + u.name() + " (" + u.code() + ")" : u.name(),
                    line.notPlaced() ? "NOT_PLACED" : u.level().name(), line.notPlaced() ? u.code() : u.parentCode(),
                    population, f.venuesRegistered(), f.venuesActive(), f.checkins(), f.uniqueVisitors(),
                    f.adoptionPercent(count), f.activeVenueShare(), f.cases(), f.contactsIdentified(), f.notified(),
                    f.delivered(), f.reached(), f.testedPositive(), s == null ? null : Figures.of(s.figures(), population)));
        }
        SnapshotRow any = frozen.get(unit.code());
        return new DailyReport(day, unit.code(), unit.name(), unit.edition(), levels(unit.edition()),
                config.reports().zone().getId(), cutoffOf(day), any == null ? null : any.takenAt(), ROLL_UP, rows);
    }

    private static boolean isEmpty(DailyFigures f) {
        return f == null || f.asList().stream().allMatch(n -> n == 0);
    }

    /** "commune, district, province" for a three-level edition (read once per edition: it walks every unit). */
    private String levels(String edition) {
        return levelsByEdition.computeIfAbsent(edition, e -> registry.tree(e).all().stream().map(u -> u.level())
                .distinct().sorted(java.util.Comparator.reverseOrder())
                .map(l -> l.name().toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    private ReportStructure structureOf(EditionUnit unit) {
        String key = unit.edition() + "/" + unit.code();
        ReportStructure cached = structures.get(key);
        if (cached != null) {
            return cached;
        }
        if (structures.size() > 500) {
            structures.clear();
        }
        return structures.computeIfAbsent(key, k -> ReportStructure.of(registry, unit));
    }

    /**
     * Freezes the figures of every unit for {@code date} in every edition of the list (the one in force that day, and
     * the others a report may be asked in): check-ins before the cut-off of that day. A date already snapshotted keeps
     * its figures. NOT_PLACED rows are stored only when something is in them.
     */
    @Transactional
    public SnapshotResult snapshot(LocalDate date) {
        Instant cutoff = cutoffOf(date);
        List<String> editions = registry.editions().stream().map(AdminUnitEdition::id).toList();
        if (reports.hasSnapshot(date)) {
            return new SnapshotResult(date, cutoff, true, editions, 0);
        }
        int stored = 0;
        for (String edition : editions) {
            ReportStructure country = structures.computeIfAbsent("country/" + edition,
                    k -> ReportStructure.country(registry, edition));
            Map<String, DailyFigures> live = reports.figures(country.mapping(), startOf(date), cutoff);
            Map<String, DailyFigures> figures = new HashMap<>();
            for (ReportStructure.Line line : country.rows()) {
                DailyFigures f = live.get(line.key());
                if (!line.notPlaced() || !isEmpty(f)) {
                    figures.put(line.key(), f == null ? DailyFigures.NONE : f);
                }
            }
            reports.saveSnapshot(date, edition, cutoff, clock.instant(), figures);
            stored += figures.size();
        }
        LOG.infof("daily report snapshot taken for %s (cut-off %s, %d rows in %s)", date, cutoff, stored, editions);
        return new SnapshotResult(date, cutoff, false, editions, stored);
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

    /**
     * The unit of the report, in its structure, inside the caller's jurisdiction: the code asked (the officer's
     * jurisdiction when none is) read in {@code structure}, or on {@code day} when no structure is asked.
     */
    private EditionUnit authorizedUnit(LocalDate day, AdminUnitCode asked, String structure) {
        boolean admin = access.caller().hasRole(Roles.ADMIN);
        Jurisdiction jurisdiction = admin ? null : access.officerJurisdiction();
        if (asked == null && admin) {
            throw InvalidInput.field("adminUnitCode", "is required");
        }
        String code = asked == null ? jurisdiction.code() : asked.value();
        EditionUnit unit;
        if (structure != null) {
            if (registry.edition(structure).isEmpty()) {
                throw InvalidInput.field("structure", "unknown edition " + structure + " of the administrative units; "
                        + "editions: " + registry.editions());
            }
            unit = registry.find(structure, code).orElseThrow(() -> InvalidInput.field("adminUnitCode",
                    code + " is not a unit of the " + structure + " edition; ask for one of its units"));
        } else {
            unit = registry.unitNamed(code, day).orElseThrow(() -> InvalidInput.field("adminUnitCode",
                    "unknown administrative unit " + code + " on " + day));
        }
        if (!admin && !jurisdiction.covers(unit)) {
            throw new OutsideJurisdiction("administrative unit " + code);
        }
        return unit;
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(config.reports().zone()).toInstant();
    }

    public Instant cutoffOf(LocalDate day) {
        return ZonedDateTime.of(day, config.reports().cutoff(), config.reports().zone()).toInstant();
    }
}

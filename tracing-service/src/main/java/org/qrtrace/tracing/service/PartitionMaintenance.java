package org.qrtrace.tracing.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.repository.PartitionRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the day partitions of the presence store: creates them ahead (at start-up and on a schedule) and enforces
 * retention by dropping whole days, each drop written to the deletion report.
 */
@ApplicationScoped
public class PartitionMaintenance {

    private static final Logger LOG = Logger.getLogger(PartitionMaintenance.class);

    private final PartitionRepository partitions;
    private final TracingConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    PartitionMaintenance(PartitionRepository partitions, TracingConfig config, MeterRegistry metrics, Clock clock) {
        this.partitions = partitions;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        metrics.gauge("tracing.presence.default.partition.rows", partitions, PartitionRepository::rowsInDefault);
        maintain();
    }

    @Scheduled(every = "${qrtrace.tracing.presence.maintenance-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        maintain();
    }

    /** Start of the oldest UTC day kept: visits before it are deleted (or, when they arrive late, not stored). */
    public Instant retentionBoundary(Instant now) {
        return now.minus(config.presence().retention()).truncatedTo(ChronoUnit.DAYS);
    }

    /** Creates missing partitions from the retention boundary to {@code partitionsAhead} days ahead; drops expired ones. */
    @Transactional
    public MaintenanceReport maintain() {
        partitions.lock();
        Instant now = clock.instant();
        Instant boundary = retentionBoundary(now);
        LocalDate firstKept = LocalDate.ofInstant(boundary, ZoneOffset.UTC);
        LocalDate lastAhead = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(config.presence().partitionsAhead());
        List<LocalDate> existing = partitions.days();
        String retention = describe(config.presence().retention());
        long deleted = 0;
        int dropped = 0;
        for (LocalDate day : existing) {
            if (day.isBefore(firstKept)) {
                deleted += partitions.drop(day, retention);
                dropped++;
            }
        }
        deleted += partitions.purgeDefault(boundary, retention);
        partitions.purgeBookkeeping(boundary);
        Set<LocalDate> have = new HashSet<>(existing);
        int created = 0;
        for (LocalDate day = firstKept; !day.isAfter(lastAhead); day = day.plusDays(1)) {
            if (!have.contains(day)) {
                partitions.create(day);
                created++;
            }
        }
        if (created > 0 || dropped > 0) {
            LOG.infof("presence partitions: %d created, %d dropped (%d visits deleted under retention %s)",
                    created, dropped, deleted, retention);
        }
        return new MaintenanceReport(created, dropped, deleted);
    }

    public List<PartitionRepository.Deletion> deletions(int limit) {
        return partitions.deletions(limit);
    }

    /** P21D rather than Duration's PT504H: the report is read by people. */
    static String describe(java.time.Duration retention) {
        return retention.toSeconds() % 86400 == 0 ? "P" + retention.toDays() + "D" : retention.toString();
    }

    /** What one maintenance run did. */
    public record MaintenanceReport(int created, int dropped, long visitsDeleted) {
    }
}

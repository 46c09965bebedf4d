package org.qrtrace.tracing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.common.adminunit.Jurisdiction;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.tracing.domain.CaseStatus;
import org.qrtrace.tracing.domain.OutsideJurisdiction;
import org.qrtrace.tracing.repository.ClusterRepository;
import org.qrtrace.tracing.repository.ClusterRepository.IndexVisit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Clusters: venues of a unit where the index visits of two or more distinct confirmed cases checked in within the last
 * {@code days} days (docs/architecture.md, "Clusters"), for a health officer whose jurisdiction covers the unit; every
 * read audited. The unit and each venue's code are read across the editions of the administrative units as for cases.
 */
@ApplicationScoped
public class ClusterService {

    public static final int DEFAULT_DAYS = 14;
    public static final int MAX_DAYS = 60;
    /** Distinct cases a venue needs to be a cluster. */
    static final int MIN_CASES = 2;

    private static final Comparator<ClusterList.Cluster> RANKING =
            Comparator.comparingInt(ClusterList.Cluster::caseCount).reversed()
                    .thenComparing(ClusterList.Cluster::lastVisit, Comparator.reverseOrder())
                    .thenComparing(ClusterList.Cluster::venueId);

    private final ClusterRepository clusters;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    ClusterService(ClusterRepository clusters, AccessPolicy access, AuditLog audit, Clock clock) {
        this.clusters = clusters;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The clusters of {@code asked}'s subtree (the officer's jurisdiction when null) over the last {@code days} days
     * ({@value #DEFAULT_DAYS} when null), most cases first, then the latest visit.
     */
    @Transactional
    public ClusterList list(AdminUnitCode asked, Integer days) {
        Jurisdiction jurisdiction = access.officerJurisdiction();
        int window = days == null ? DEFAULT_DAYS : days;
        if (window < 1 || window > MAX_DAYS) {
            throw InvalidInput.field("days", "must be between 1 and " + MAX_DAYS);
        }
        AdminUnitCode unit = asked == null ? jurisdiction.unit() : asked;
        Jurisdiction scope = new Jurisdiction(unit, jurisdiction.on());
        if (!scope.known()) {
            throw InvalidInput.field("adminUnitCode", "unknown administrative unit " + unit);
        }
        if (!jurisdiction.covers(unit)) {
            throw new OutsideJurisdiction("administrative unit " + unit);
        }
        Instant to = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant from = to.minus(Duration.ofDays(window));
        List<CaseStatus> counted = Arrays.stream(CaseStatus.values()).filter(CaseStatus::countsAsConfirmed).toList();
        Map<UUID, List<IndexVisit>> byVenue = new LinkedHashMap<>();
        for (IndexVisit v : clusters.indexVisitsAtSharedVenues(from, to, counted, scope.candidateCodes(), MIN_CASES)) {
            // A venue's rows share its unit: the whole venue is in the unit's subtree or none of it is.
            if (scope.covers(v.venueUnitCode(), v.venueUnitGivenOn())) {
                byVenue.computeIfAbsent(v.venueId(), k -> new ArrayList<>()).add(v);
            }
        }
        LocalDate today = jurisdiction.on();
        List<ClusterList.Cluster> found = byVenue.values().stream().map(visits -> cluster(visits, to, today))
                .sorted(RANKING).toList();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("adminUnitCode", unit.value());
        parameters.put("days", window);
        parameters.put("from", from.toString());
        parameters.put("to", to.toString());
        audit.append(AuditLog.Action.CLUSTER_LIST, null, parameters, found.size());
        return new ClusterList(unit.value(), window, from, to, found);
    }

    /**
     * One venue's index visits (ordered by check-in) as a cluster, its cases ordered by their first visit; a visit
     * still open at {@code to} (no check-out scanned, the automatic one after it) has no check-out yet.
     */
    private static ClusterList.Cluster cluster(List<IndexVisit> visits, Instant to, LocalDate today) {
        Map<UUID, List<IndexVisit>> byCase = new LinkedHashMap<>();
        for (IndexVisit v : visits) {
            byCase.computeIfAbsent(v.caseId(), k -> new ArrayList<>()).add(v);
        }
        List<ClusterList.ClusterCase> cases = byCase.values().stream().map(own -> new ClusterList.ClusterCase(
                own.get(0).caseId(), own.get(0).caseReference(), own.get(0).status().name(),
                own.stream().map(v -> new ClusterList.Visit(v.checkedInAt(),
                        v.explicitCheckout() || !v.checkedOutAt().isAfter(to) ? v.checkedOutAt() : null)).toList()))
                .toList();
        IndexVisit first = visits.get(0);
        return new ClusterList.Cluster(first.venueId(), first.venueName(), first.venueUnitCode().value(),
                PublicExposureSites.place(first.venueUnitCode(), first.venueUnitGivenOn(), today), cases.size(),
                visits.size(), first.checkedInAt(), visits.get(visits.size() - 1).checkedInAt(), cases);
    }
}

package org.qrtrace.tracing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.common.adminunit.Jurisdiction;
import org.qrtrace.events.EventType;
import org.qrtrace.events.ExposureSitePublished;
import org.qrtrace.events.ExposureSiteWithdrawn;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.ExposureSiteNotFound;
import org.qrtrace.tracing.domain.ExposureSiteRules;
import org.qrtrace.tracing.domain.OutsideJurisdiction;
import org.qrtrace.tracing.domain.VenueNotFound;
import org.qrtrace.tracing.repository.CaseRepository.CaseRow;
import org.qrtrace.tracing.repository.ExposureSiteRepository;
import org.qrtrace.tracing.repository.ExposureSiteRepository.SiteRow;
import org.qrtrace.tracing.repository.VenueDirectory;
import org.qrtrace.tracing.repository.VenueDirectory.Venue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Exposure sites, published and withdrawn by health officers (docs/architecture.md, "Exposure sites"). An officer may
 * publish a site for a case they may read ({@link CaseAccess}) at a venue inside their jurisdiction; the site, its
 * event on tracing.events (through the outbox) and the audit row commit together. Publishing the same case, venue and
 * window again answers the site already published; withdrawing twice changes nothing the second time.
 */
@ApplicationScoped
public class ExposureSiteService {

    private final ExposureSiteRepository sites;
    private final VenueDirectory venues;
    private final CaseAccess caseAccess;
    private final AccessPolicy access;
    private final TracingEvents events;
    private final AuditLog audit;
    private final ExposureSiteRules rules;
    private final Clock clock;

    ExposureSiteService(ExposureSiteRepository sites, VenueDirectory venues, CaseAccess caseAccess, AccessPolicy access,
                        TracingEvents events, AuditLog audit, TracingConfig config, Clock clock) {
        this.sites = sites;
        this.venues = venues;
        this.caseAccess = caseAccess;
        this.access = access;
        this.events = events;
        this.audit = audit;
        TracingConfig.ExposureSites c = config.exposureSites();
        this.rules = new ExposureSiteRules(c.maxWindow(), c.futureAllowance(), c.listedFor());
        this.clock = clock;
    }

    /** The site, and whether this call published it (false: it was published already). */
    public record Published(ExposureSiteView site, boolean created) {
    }

    @Transactional
    public Published publish(ExposureSiteRequest request) {
        Jurisdiction jurisdiction = access.officerJurisdiction();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ExposureSiteRules.Window window = rules.window(request.from(), request.to(), now);
        CaseRow c = caseAccess.readable(request.caseId(), "caseId").row();
        Venue venue = venues.find(request.venueId()).orElseThrow(() -> new VenueNotFound(request.venueId(), "venueId"));
        if (!AccessPolicy.covers(jurisdiction, venue)) {
            throw new OutsideJurisdiction("venue " + venue.venueId(), "venueId");
        }
        SiteRow candidate = new SiteRow(UUID.randomUUID(), c.id(), venue.venueId(), venue.adminUnitCode(), window.from(),
                window.to(), advice(request.advice()), access.caller().subject(), now, null, null);
        SiteRow site = null;
        boolean created = false;
        // A racing withdrawal may remove the site found in between: then this one is published after all.
        for (int attempt = 0; attempt < 2 && site == null; attempt++) {
            if (sites.insert(candidate)) {
                site = candidate;
                created = true;
            } else {
                site = sites.findPublished(c.id(), venue.venueId(), window.from(), window.to()).orElse(null);
            }
        }
        if (site == null) {
            throw new IllegalStateException("the exposure site was neither stored nor found");
        }
        if (created) {
            events.append(TracingEvents.eventId(EventType.EXPOSURE_SITE_PUBLISHED, site.id().toString()), now,
                    new ExposureSitePublished(site.id(), site.venueId(), venue.name(), site.adminUnitCode().value(),
                            site.from(), site.to(), site.advice(), site.publishedAt()));
        }
        Map<String, Object> parameters = parameters(site);
        parameters.put("from", site.from().toString());
        parameters.put("to", site.to().toString());
        parameters.put("created", created);
        audit.append(AuditLog.Action.EXPOSURE_SITE_PUBLISH, c.caseReference(), parameters, created ? 1 : 0);
        return new Published(ExposureSiteView.of(site, venue), created);
    }

    /**
     * The sites published for a case (withdrawn ones too, with when), for an officer who may read the case; audited.
     * Withdrawing one still needs a jurisdiction covering its venue ({@link #withdraw}).
     */
    @Transactional
    public List<ExposureSiteView> ofCase(UUID caseId) {
        CaseRow c = caseAccess.readable(caseId).row();
        List<SiteRow> rows = sites.ofCase(c.id());
        Map<UUID, Venue> named = venues.findAll(rows.stream().map(SiteRow::venueId).collect(Collectors.toSet()));
        List<ExposureSiteView> found = rows.stream().map(s -> ExposureSiteView.of(s, named.get(s.venueId()))).toList();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("caseId", c.id().toString());
        audit.append(AuditLog.Action.CASE_SITES_READ, c.caseReference(), parameters, found.size());
        return found;
    }

    /** Takes the site off the public list; a site withdrawn already stays as it is (no second event). */
    @Transactional
    public void withdraw(UUID id) {
        Jurisdiction jurisdiction = access.officerJurisdiction();
        SiteRow site = sites.find(id).orElseThrow(() -> new ExposureSiteNotFound(id));
        CaseRow c = caseAccess.readable(site.caseId()).row();
        if (!jurisdiction.covers(site.adminUnitCode())) {
            throw new OutsideJurisdiction("exposure site " + id);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean withdrawn = sites.withdraw(id, access.caller().subject(), now);
        if (withdrawn) {
            events.append(TracingEvents.eventId(EventType.EXPOSURE_SITE_WITHDRAWN, id.toString()), now,
                    new ExposureSiteWithdrawn(id, site.venueId(), now));
        }
        Map<String, Object> parameters = parameters(site);
        parameters.put("alreadyWithdrawn", !withdrawn);
        audit.append(AuditLog.Action.EXPOSURE_SITE_WITHDRAW, c.caseReference(), parameters, withdrawn ? 1 : 0);
    }

    /** Advice as stored: line breaks as \n, trimmed; blank is none (the default applies). */
    static String advice(String advice) {
        return Optional.ofNullable(advice).map(a -> a.replace("\r\n", "\n").replace('\r', '\n').strip())
                .filter(a -> !a.isEmpty()).orElse(null);
    }

    private static Map<String, Object> parameters(SiteRow site) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("siteId", site.id().toString());
        m.put("caseId", site.caseId().toString());
        m.put("venueId", site.venueId().toString());
        return m;
    }
}

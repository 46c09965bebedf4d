package org.qrtrace.tracing.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.common.adminunit.Jurisdiction;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.ExposureSiteRules;
import org.qrtrace.tracing.repository.ExposureSiteRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public list of exposure sites: sites not withdrawn whose window ended within the listing period, newest
 * publication first, optionally of one unit's subtree (the rule of a jurisdiction). It names no one: only venues,
 * units, windows and advice (docs/architecture.md, "Exposure sites"). Anyone may read it, without a token.
 * <p>
 * The same content keeps the time it was first generated at (per filter and language, in this instance), so that the
 * answer stays byte for byte the same until a site is published, withdrawn, renamed or ages out, and a strong ETag
 * lets browsers and caches revalidate it for nothing.
 */
@ApplicationScoped
public class PublicExposureSites {

    public static final String VIETNAMESE = "vi";
    public static final String ENGLISH = "en";

    /** Lists kept at most (one per filter and language asked for); past it they are generated afresh. */
    private static final int MAX_KEPT = 512;

    private final ExposureSiteRepository sites;
    private final ExposureSiteRules rules;
    private final TracingConfig.Notifications.Texts defaultAdvice;
    private final Clock clock;
    private final Map<String, ExposureSiteList> lastGenerated = new ConcurrentHashMap<>();

    PublicExposureSites(ExposureSiteRepository sites, TracingConfig config, Clock clock) {
        this.sites = sites;
        TracingConfig.ExposureSites c = config.exposureSites();
        this.rules = new ExposureSiteRules(c.maxWindow(), c.futureAllowance(), c.listedFor());
        this.defaultAdvice = c.defaultAdvice();
        this.clock = clock;
    }

    /**
     * The place a unit code given on {@code givenOn} names, with what it is {@code today} when it has since been merged
     * ("Phường Bình Hàn, Thành phố Hải Dương, Tỉnh Hải Dương (nay: Phường Thành Đông, Thành phố Hải Phòng)"); the code
     * when the registry does not know it.
     */
    public static String place(AdminUnitCode code, LocalDate givenOn, LocalDate today) {
        AdminUnitRegistry registry = AdminUnitRegistry.bundled();
        return registry.unitNamed(code.value(), givenOn).map(u -> {
            String now = givenOn.isAfter(today) ? null : registry.placeNameToday(u, today);
            return registry.placeName(u) + (now == null ? "" : " " + now);
        }).orElse(code.value());
    }

    /**
     * The list, of the sites within {@code unit} (of any edition, across the 2025 reorganisation) when given (400 naming {@code adminUnitCode} when the unit is unknown),
     * with the default advice in {@code language} ({@code vi} or {@code en}, else 400 naming {@code lang}).
     */
    public ExposureSiteList list(AdminUnitCode unit, String language) {
        String lang = language == null ? VIETNAMESE : language;
        String advice = switch (lang) {
            case VIETNAMESE -> defaultAdvice.vi();
            case ENGLISH -> defaultAdvice.en();
            default -> throw InvalidInput.field("lang", "must be vi or en");
        };
        Instant now = clock.instant();
        LocalDate today = AdminUnitRegistry.dayOf(now);
        Jurisdiction area = unit == null ? null : new Jurisdiction(unit, today);
        if (area != null && !area.known()) {
            throw InvalidInput.field("adminUnitCode", "unknown administrative unit " + unit);
        }
        List<ExposureSiteList.Site> listed = sites.listed(rules.listedSince(now),
                        area == null ? null : area.candidateCodes()).stream()
                .filter(s -> area == null || area.covers(s.adminUnitCode(), s.adminUnitGivenOn()))
                .map(s -> new ExposureSiteList.Site(s.id(), s.venueId(), s.venueName(), s.address(),
                        s.adminUnitCode().value(), place(s.adminUnitCode(), s.adminUnitGivenOn(), today), s.from(), s.to(),
                        s.advice() == null ? advice : s.advice(), s.publishedAt()))
                .toList();
        if (lastGenerated.size() > MAX_KEPT) {
            lastGenerated.clear();
        }
        return lastGenerated.compute((unit == null ? "" : unit.value()) + "/" + lang, (key, previous) ->
                previous != null && previous.sites().equals(listed) ? previous
                        : new ExposureSiteList(now.truncatedTo(ChronoUnit.SECONDS), listed));
    }
}

package org.qrtrace.tracing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.common.adminunit.AdminUnitRegistry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Exposure sites ({@code exposure_site}, migration V6) and the public list read from them with the venue directory. */
@ApplicationScoped
public class ExposureSiteRepository {

    private static final String COLUMNS = "id, case_id, venue_id, admin_unit_code, window_from, window_to, advice, "
            + "published_by, published_at, withdrawn_by, withdrawn_at";

    private final Jdbc jdbc;

    ExposureSiteRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A site as stored; {@code advice} null when the default applies, {@code withdrawnAt} null while published. */
    public record SiteRow(UUID id, UUID caseId, UUID venueId, AdminUnitCode adminUnitCode, Instant from, Instant to,
                          String advice, String publishedBy, Instant publishedAt, String withdrawnBy, Instant withdrawnAt) {
    }

    /**
     * A listed site with what the public sees of its venue (name and address from the directory, now); its unit is the
     * one {@code adminUnitCode} named on {@code adminUnitGivenOn} (the day the venue was given that code, else the day
     * the site was published).
     */
    public record ListedSite(UUID id, UUID venueId, String venueName, String address, AdminUnitCode adminUnitCode,
                             LocalDate adminUnitGivenOn, Instant from, Instant to, String advice, Instant publishedAt) {
    }

    /**
     * False when a site of the same case, venue and window is published already (the unique index
     * {@code exposure_site_once} decides, so two officers racing cannot both add one).
     */
    public boolean insert(SiteRow s) {
        return jdbc.update("store the exposure site", "INSERT INTO exposure_site (" + COLUMNS + ") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL) "
                        + "ON CONFLICT (case_id, venue_id, window_from, window_to) WHERE withdrawn_at IS NULL DO NOTHING",
                s.id(), s.caseId(), s.venueId(), s.adminUnitCode().value(), s.from(), s.to(), s.advice(),
                s.publishedBy(), s.publishedAt()) == 1;
    }

    public Optional<SiteRow> find(UUID id) {
        return jdbc.first("read the exposure site", "SELECT " + COLUMNS + " FROM exposure_site WHERE id = ?",
                ExposureSiteRepository::row, id);
    }

    /** The published (not withdrawn) site of that case, venue and window. */
    public Optional<SiteRow> findPublished(UUID caseId, UUID venueId, Instant from, Instant to) {
        return jdbc.first("read the exposure site", "SELECT " + COLUMNS + " FROM exposure_site WHERE case_id = ? "
                        + "AND venue_id = ? AND window_from = ? AND window_to = ? AND withdrawn_at IS NULL",
                ExposureSiteRepository::row, caseId, venueId, from, to);
    }

    /** Every site of a case, published or withdrawn, newest publication first. */
    public List<SiteRow> ofCase(UUID caseId) {
        return jdbc.query("read the case's exposure sites", "SELECT " + COLUMNS + " FROM exposure_site WHERE case_id = ? "
                + "ORDER BY published_at DESC, id", ExposureSiteRepository::row, caseId);
    }

    /** False when the site was withdrawn already (the row's lock orders two racing withdrawals: one wins). */
    public boolean withdraw(UUID id, String by, Instant at) {
        return jdbc.update("withdraw the exposure site", "UPDATE exposure_site SET withdrawn_by = ?, withdrawn_at = ? "
                + "WHERE id = ? AND withdrawn_at IS NULL", by, at, id) == 1;
    }

    /**
     * Sites not withdrawn whose window ended after {@code endedAfter}, in the given units ({@code null}: all), newest
     * publication first.
     */
    public List<ListedSite> listed(Instant endedAfter, Collection<String> adminUnitCodes) {
        String sql = "SELECT s.id, s.venue_id, v.name, v.address, s.admin_unit_code, v.admin_unit_code AS venue_unit, "
                + "v.admin_unit_given_on, s.window_from, s.window_to, s.advice, s.published_at FROM exposure_site s LEFT JOIN venue v ON v.venue_id = s.venue_id "
                + "WHERE s.withdrawn_at IS NULL AND s.window_to > ? "
                + (adminUnitCodes == null ? "" : "AND s.admin_unit_code = ANY (?::text[]) ")
                + "ORDER BY s.published_at DESC, s.window_to DESC, s.id";
        Jdbc.Row<ListedSite> read = rs -> {
            String code = rs.getString("admin_unit_code");
            Instant publishedAt = Sql.instant(rs, "published_at");
            LocalDate givenOn = code.equals(rs.getString("venue_unit")) ? rs.getObject("admin_unit_given_on", LocalDate.class)
                    : AdminUnitRegistry.dayOf(publishedAt);
            return new ListedSite(Sql.uuid(rs, "id"), Sql.uuid(rs, "venue_id"), rs.getString("name"),
                    rs.getString("address"), AdminUnitCode.of(code), givenOn, Sql.instant(rs, "window_from"),
                    Sql.instant(rs, "window_to"), rs.getString("advice"), publishedAt);
        };
        return adminUnitCodes == null
                ? jdbc.query("list exposure sites", sql, read, endedAfter)
                : jdbc.query("list exposure sites", sql, read, endedAfter, adminUnitCodes);
    }

    private static SiteRow row(ResultSet rs) throws SQLException {
        return new SiteRow(Sql.uuid(rs, "id"), Sql.uuid(rs, "case_id"), Sql.uuid(rs, "venue_id"),
                AdminUnitCode.of(rs.getString("admin_unit_code")), Sql.instant(rs, "window_from"),
                Sql.instant(rs, "window_to"), rs.getString("advice"), rs.getString("published_by"),
                Sql.instant(rs, "published_at"), rs.getString("withdrawn_by"), Sql.instant(rs, "withdrawn_at"));
    }
}

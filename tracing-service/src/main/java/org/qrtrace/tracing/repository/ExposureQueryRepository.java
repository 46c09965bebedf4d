package org.qrtrace.tracing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.common.adminunit.Jurisdiction;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stored exposure queries (parameters and result as JSON; contacts stay sealed). */
@ApplicationScoped
public class ExposureQueryRepository {

    private final Jdbc jdbc;

    ExposureQueryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Who ran a stored query, when, for which case and jurisdiction, with which parameters (JSON). */
    public record StoredQueryRow(UUID id, Instant createdAt, String subject, String role, Jurisdiction jurisdiction,
                                 String caseReference, String parametersJson) {
    }

    /** A stored query read back: its row and its result as JSON. */
    public record StoredQuery(StoredQueryRow row, String resultJson) {
    }

    /** Stores a query and its result (often MBs of JSON at depth 2) as gzip-compressed JSON, see {@link #gzipJson}. */
    public void insert(StoredQueryRow q, byte[] resultGzip) {
        jdbc.update("store the exposure query", "INSERT INTO exposure_query (id, created_at, subject, role, jurisdiction, "
                        + "case_reference, parameters, result_gzip) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)",
                q.id(), q.createdAt(), q.subject(), q.role(), q.jurisdiction().code(), q.caseReference(), q.parametersJson(),
                resultGzip);
    }

    public Optional<StoredQuery> find(UUID id) {
        String sql = "SELECT id, created_at, subject, role, jurisdiction, case_reference, parameters::text AS p, "
                + "result::text AS r, result_gzip FROM exposure_query WHERE id = ?";
        return jdbc.first("read the exposure query", sql, rs -> {
            StoredQueryRow row = new StoredQueryRow(Sql.uuid(rs, "id"), Sql.instant(rs, "created_at"),
                    rs.getString("subject"), rs.getString("role"), new Jurisdiction(AdminUnitCode.of(rs.getString("jurisdiction")),
                            java.time.LocalDate.ofInstant(Sql.instant(rs, "created_at"), java.time.ZoneOffset.UTC)),
                    rs.getString("case_reference"), rs.getString("p"));
            byte[] gzipped = rs.getBytes("result_gzip");
            return new StoredQuery(row, gzipped != null ? gunzip(gzipped) : rs.getString("r"));
        }, id);
    }

    /**
     * A value as gzip-compressed JSON (fastest level), written straight into the compressor: a depth-2 result never
     * exists as a multi-MB string (those allocations were the slow tail of the query).
     */
    public static byte[] gzipJson(com.fasterxml.jackson.databind.ObjectMapper mapper, Object value) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 16);
        try (var gz = new java.util.zip.GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            mapper.writeValue(gz, value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot store exposure query", e);
        }
        return out.toByteArray();
    }

    static String gunzip(byte[] gzipped) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped), 1 << 16)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored exposure query is unreadable", e);
        }
    }
}

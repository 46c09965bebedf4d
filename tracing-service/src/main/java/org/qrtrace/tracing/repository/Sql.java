package org.qrtrace.tracing.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Small JDBC conversions shared by the repositories (timestamps as UTC instants, arrays for batched statements). */
final class Sql {

    private Sql() {
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** A text array (cast to uuid[] / timestamptz[] in SQL): one round trip for a whole batch. */
    static Array textArray(Connection c, Collection<?> values) throws SQLException {
        return c.createArrayOf("text", values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new));
    }
}

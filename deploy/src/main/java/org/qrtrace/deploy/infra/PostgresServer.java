package org.qrtrace.deploy.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (zonky's packaged binaries, no Docker). With a data directory it keeps its data across
 * restarts (the local stack); without one it runs from a temporary directory (tests).
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDir where the cluster lives; null for a throw-away one
     * @param port    0 for any free port
     * @param durable false turns fsync off, for tests only
     */
    public static PostgresServer start(Path dataDir, int port, boolean durable) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                // QRTRACE_PG_SHARED_BUFFERS sizes the cache, e.g. to hold the presence store in a benchmark (production:
                // ~25% of the database server's memory); a developer's stack keeps to 256 MB.
                .setServerConfig("shared_buffers", System.getenv().getOrDefault("QRTRACE_PG_SHARED_BUFFERS", "256MB"))
                .setServerConfig("timezone", "UTC")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (durable) {
            // zonky starts postgres with -F (no fsync) and synchronous_commit=off, fine for tests only; a later -c wins.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        } else {
            builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        return new PostgresServer(builder.start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String adminJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    public static String jdbcUrl(String adminJdbcUrl, String database) {
        int slash = adminJdbcUrl.lastIndexOf('/');
        int query = adminJdbcUrl.indexOf('?', slash);
        return adminJdbcUrl.substring(0, slash + 1) + database + (query >= 0 ? adminJdbcUrl.substring(query) : "");
    }

    /** Creates (or updates the password of) the service's login and its database, owned by that login. */
    public static void ensureDatabase(String adminJdbcUrl, String adminUser, String adminPassword, ServiceDatabase db,
                                      String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminJdbcUrl, adminUser, adminPassword);
             Statement s = c.createStatement()) {
            String quotedPassword = "'" + password.replace("'", "''") + "'";
            if (exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", db.user())) {
                s.execute("ALTER ROLE " + db.user() + " WITH LOGIN PASSWORD " + quotedPassword);
            } else {
                s.execute("CREATE ROLE " + db.user() + " WITH LOGIN PASSWORD " + quotedPassword);
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", db.database())) {
                s.execute("CREATE DATABASE " + db.database() + " OWNER " + db.user() + " ENCODING 'UTF8' TEMPLATE template0");
            }
            s.execute("REVOKE ALL ON DATABASE " + db.database() + " FROM PUBLIC");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + db.database() + " TO " + db.user());
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}

package org.qrtrace.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline of the check-in benchmark, measured in the same run on the same machine: pgbench single-row durable
 * INSERTs (synchronous_commit on, fsync on) into the stack's PostgreSQL with the same number of clients.
 */
final class PgbenchBaseline {

    private PgbenchBaseline() {
    }

    static double tps(Stack stack, int clients, int seconds) throws Exception {
        String host = stack.env.getProperty("PGHOST");
        String port = stack.env.getProperty("PGPORT");
        try (Connection c = stack.database("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, venue_id uuid NOT NULL, "
                    + "pseudonym text NOT NULL, checked_in_at timestamptz NOT NULL)");
            s.execute("TRUNCATE bench_baseline");
        }
        Path script = Files.createTempFile("pgbench-insert", ".sql");
        Files.writeString(script, "INSERT INTO bench_baseline (venue_id, pseudonym, checked_in_at) "
                + "VALUES (gen_random_uuid(), md5(random()::text), now());\n");
        Process p = new ProcessBuilder(List.of("pgbench", "-h", host, "-p", port, "-U", "postgres", "-n",
                "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds), "-f", script.toString(), "postgres"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + out);
        }
        Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no tps in pgbench output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }
}

package org.qrtrace.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark 3: exposure-query latency as the presence store grows (1M -> 10M rows over 21 day partitions), depth 1
 * and 2, through tracing-service's API. The rows are bulk-loaded with SQL straight into the tracing database (the only
 * benchmark that bypasses the APIs: loading 10M visits through HTTP would measure the loader, not the query).
 * People: a pool of 200,000 pseudonyms; venues: 20,000 in Thành phố Hải Dương; stays of 20 to 240 minutes
 * ({@code BENCH_QUERY_PEOPLE}, {@code BENCH_QUERY_VENUES} change them). Every visit carries a real sealed contact,
 * sealed as checkin-service seals them (one key agreement per instance and hour, see ContactProtector): 64 contacts
 * per hour of the 21 days, each hour's sealed in one session, so opening the answer's phones costs what it would.
 */
final class QueryBench {

    record Point(long rows, int depth, int queries, double p50Ms, double p99Ms, double maxMs, double meanContacts) {
    }

    private static final int PEOPLE = Integer.parseInt(System.getenv().getOrDefault("BENCH_QUERY_PEOPLE", "200000"));
    private static final int VENUES = Integer.parseInt(System.getenv().getOrDefault("BENCH_QUERY_VENUES", "20000"));
    private static final int CONTACTS_PER_HOUR = 64;
    /** Queries run before measuring (per depth and size): the JIT compiles the query path meanwhile. */
    private static final int WARM_UP = 20;
    private final Stack stack;
    private final Random random = new Random(42);

    QueryBench(Stack stack) {
        this.stack = stack;
    }

    List<Point> run(long[] sizes, int queriesPerPoint) throws Exception {
        List<Point> points = new ArrayList<>();
        try (Connection c = stack.database("tracing")) {
            c.setAutoCommit(true);
            prepare(c);
            for (long size : sizes) {
                // The benchmark's own data set: visits of its people at its venues, whatever else the table holds
                // (other load's visits are not of the people it asks about, so they cannot stand in for it).
                long rows = countOwn(c);
                if (rows < size) {
                    long t = System.nanoTime();
                    load(c, size - rows);
                    System.out.printf("loaded %,d visits in %.0f s%n", size - rows, (System.nanoTime() - t) / 1e9);
                }
                rows = countOwn(c);
                if (rows < size) {
                    throw new IllegalStateException("the presence store holds " + rows + " of the benchmark's visits, "
                            + "fewer than the " + size + " asked for: refusing to measure");
                }
                long all = count(c);
                System.out.printf("presence store: %,d of the benchmark's visits, %,d in all%n", rows, all);
                prewarm(c);
                for (int depth : new int[] {1, 2}) {
                    Point p = measure(rows, depth, depth == 1 ? queriesPerPoint : queriesPerPoint / 2);
                    points.add(p);
                    System.out.printf("%,12d rows depth %d: n=%d p50 %.1f ms p99 %.1f ms max %.1f ms (mean contacts %.1f)%n",
                            p.rows(), p.depth(), p.queries(), p.p50Ms(), p.p99Ms(), p.maxMs(), p.meanContacts());
                }
            }
        }
        return points;
    }

    private void prepare(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (LocalDate day = today.minusDays(21); !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
                String name = "visit_p" + day.toString().replace("-", "");
                s.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF visit FOR VALUES FROM ('" + day
                        + "T00:00:00Z') TO ('" + day.plusDays(1) + "T00:00:00Z')");
                s.execute("ALTER TABLE " + name + " OWNER TO tracing_svc");
            }
            s.execute("CREATE TABLE IF NOT EXISTS bench_venue (idx int PRIMARY KEY, venue_id uuid NOT NULL)");
            s.execute("INSERT INTO bench_venue SELECT i, gen_random_uuid() FROM generate_series(0, " + (VENUES - 1)
                    + ") i ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO venue (venue_id, name, category, admin_unit_code, admin_unit_given_on, status, "
                    + "registered_at, updated_at) SELECT venue_id, 'Địa điểm thử ' || idx, 'MARKET', '288', "
                    + "(now() - interval '30 days')::date, 'ACTIVE', now() - interval '30 days', now() "
                    + "FROM bench_venue ON CONFLICT DO NOTHING");
            s.execute("CREATE TABLE IF NOT EXISTS bench_seal (hour bigint, k int, sealed text NOT NULL, PRIMARY KEY (hour, k))");
        }
        sealContacts(c);
    }

    /** Sealed contacts for every hour of the loaded days (and two spare): one sealing session per hour. */
    private void sealContacts(Connection c) throws Exception {
        java.security.PublicKey authority = org.qrtrace.common.crypto.ContactSeal.publicKeyFromBase64(
                stack.secrets.getProperty("QRTRACE_SEAL_PUBLIC_KEY"));
        long now = Instant.now().getEpochSecond() / 3600;
        c.setAutoCommit(false);
        try (var ps = c.prepareStatement("INSERT INTO bench_seal (hour, k, sealed) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
             var existing = c.prepareStatement("SELECT 1 FROM bench_seal WHERE hour = ? LIMIT 1")) {
            for (long hour = now - 22 * 24; hour <= now + 2; hour++) {
                existing.setLong(1, hour);
                try (ResultSet rs = existing.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
                var session = new org.qrtrace.common.crypto.ContactSeal.Session(authority, 1_000_000, java.time.Duration.ofHours(2));
                for (int k = 0; k < CONTACTS_PER_HOUR; k++) {
                    ps.setLong(1, hour);
                    ps.setInt(2, k);
                    ps.setString(3, new org.qrtrace.common.crypto.SealedContact(String.format("+849%08d", hour % 1000 * 100 + k),
                            null).sealWith(session));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /**
     * Reads the presence partitions into PostgreSQL's cache (pg_prewarm), as a running service's would be after a few
     * minutes of queries; how much stays depends on shared_buffers (QRTRACE_PG_SHARED_BUFFERS for the local stack).
     */
    private static void prewarm(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
            try (ResultSet rs = s.executeQuery("SELECT sum(pg_prewarm(k.oid::regclass)), current_setting('shared_buffers') "
                    + "FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace WHERE n.nspname = 'public' "
                    + "AND k.relname LIKE 'visit_p%' AND k.relkind IN ('r', 'i')")) {
                rs.next();
                System.out.printf("prewarmed %,d blocks of presence data (shared_buffers %s)%n", rs.getLong(1), rs.getString(2));
            }
        }
    }

    /** The benchmark's visits: those at its venues (only it loads visits there). */
    private static long countOwn(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM visit WHERE venue_id IN (SELECT venue_id FROM bench_venue)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM visit")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void load(Connection c, long rows) throws Exception {
        try (Statement s = c.createStatement()) {
            long chunk = 1_000_000;
            for (long done = 0; done < rows; done += chunk) {
                long n = Math.min(chunk, rows - done);
                s.execute("INSERT INTO visit (checked_in_at, checkin_id, pseudonym, venue_id, checked_out_at, auto_checkout_at, "
                        + "source, sealed_contact) "
                        + "SELECT g.t, gen_random_uuid(), encode(sha256(('bench-person-' || g.p)::bytea), 'hex'), v.venue_id, "
                        + "g.t + g.d, g.t + g.d, 'API', bs.sealed FROM (SELECT now() - random() * interval '21 days' AS t, "
                        + "(20 + random() * 220) * interval '1 minute' AS d, (random() * " + (PEOPLE - 1) + ")::int AS p, "
                        + "(random() * " + (VENUES - 1) + ")::int AS vi FROM generate_series(1, " + n + ")) g "
                        + "JOIN bench_venue v ON v.idx = g.vi "
                        + "JOIN bench_seal bs ON bs.hour = floor(extract(epoch FROM g.t) / 3600)::bigint AND bs.k = g.p % "
                        + CONTACTS_PER_HOUR);
            }
            s.execute("ANALYZE visit");
        }
    }

    private Point measure(long rows, int depth, int queries) throws Exception {
        String officer = stack.token("health-officer", null, "30");
        Histogram h = new Histogram(60_000_000_000L, 3);
        long contacts = 0;
        int empty = 0;
        Instant to = Instant.now();
        Instant from = to.minusSeconds(14L * 86400);
        for (int i = 0; i < queries + WARM_UP; i++) {
            String pseudonym = sha256Hex("bench-person-" + random.nextInt(PEOPLE));
            String body = "{\"caseReference\":\"BENCH-QUERY\",\"pseudonym\":\"" + pseudonym + "\",\"from\":\"" + from
                    + "\",\"to\":\"" + to + "\",\"bufferMinutes\":30,\"minOverlapMinutes\":15,\"depth\":" + depth + "}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url("TRACING") + "/api/v1/exposure-queries"))
                    .header("Authorization", "Bearer " + officer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t = System.nanoTime();
            HttpResponse<String> r = stack.http.send(request, HttpResponse.BodyHandlers.ofString());
            long latency = System.nanoTime() - t;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("exposure query answered " + r.statusCode() + ": " + r.body());
            }
            if (i >= WARM_UP) { // the first ones warm the JIT and caches
                h.recordValue(latency);
                int found = stack.json.readTree(r.body()).path("contacts").size();
                contacts += found;
                empty += found == 0 ? 1 : 0;
            }
        }
        // A query for someone with no visits is fast and measures nothing: with the data set loaded, most people asked
        // about were somewhere in the window and met someone. Refuse a result made of empty answers.
        if (contacts == 0 || empty > queries / 2) {
            throw new IllegalStateException(String.format("%d of %d exposure queries at %,d rows depth %d found no contact "
                    + "(mean %.2f): the answers are empty, so the latency measures nothing; is the data set loaded?",
                    empty, queries, rows, depth, (double) contacts / queries));
        }
        return new Point(rows, depth, queries, h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6, (double) contacts / queries);
    }

    static String sha256Hex(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}

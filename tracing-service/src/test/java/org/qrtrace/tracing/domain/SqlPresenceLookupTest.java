package org.qrtrace.tracing.domain;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.tracing.repository.PresenceRepository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQL lookups (partition-pruned, index-bounded by the maximum stay) feed the tracer exactly what the plain
 * reference needs: on random visit sets stored in the real partitioned table, the results agree.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class SqlPresenceLookupTest {

    @Inject
    PresenceRepository presence;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sqlLookupAgreesWithTheReferenceOnRandomVisitSets() throws SQLException {
        // Spans midnight UTC so that visits sit in two day partitions and some cross the partition boundary.
        Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2)).minus(Duration.ofHours(6));
        int withContacts = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            List<UUID> venues = randomIds(3);
            List<String> people = randomIds(40).stream().map(UUID::toString).toList();
            List<PresenceInterval> visits = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                Instant start = base.plus(Duration.ofMinutes(5L * random.nextInt(150)));
                // mostly short stays; every 7th one of 4 to 40 hours (workplaces, hotels: the long-visit index)
                Instant end = start.plus(Duration.ofMinutes(i % 7 == 3 ? 5L * (48 + random.nextInt(433))
                        : 5L * (1 + random.nextInt(48))));
                String who = i % 10 == 0 ? people.get(0) : people.get(random.nextInt(people.size()));
                visits.add(new PresenceInterval(UUID.randomUUID(), who,
                        venues.get(random.nextInt(venues.size())), start, end, null));
            }
            store(visits);
            Instant from = base.plus(Duration.ofMinutes(5L * random.nextInt(60)));
            Instant to = from.plus(Duration.ofMinutes(30L + 5L * random.nextInt(100)));
            Duration buffer = Duration.ofMinutes(List.of(0, 15, 30).get(random.nextInt(3)));
            Duration minOverlap = Duration.ofMinutes(List.of(1, 15).get(random.nextInt(2)));
            for (int depth = 1; depth <= 2; depth++) {
                ExposureResult fromSql = new ExposureTracer(presence)
                        .trace(people.get(0), new ExposureParameters(from, to, buffer, minOverlap, depth));
                assertEquals(ReferenceExposure.contacts(visits, people.get(0), from, to, buffer, minOverlap, depth),
                        ReferenceExposure.of(fromSql), "seed " + seed + ", depth " + depth);
                if (depth == 2 && fromSql.contacts().stream().anyMatch(c -> c.tier() == Tier.F2)) {
                    withContacts++;
                }
            }
        }
        assertTrue(withContacts >= 3, "the random sets must exercise F2 (" + withContacts + " did)");
    }

    @Test
    void aLargeClusterReadInConcurrentPartsGivesTheSameContacts() throws SQLException {
        // Enough F1s and F1 visits that the lookups split into concurrent statements (PresenceRepository.inParts).
        Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
        Random random = new Random(99);
        List<UUID> venues = randomIds(6);
        List<String> people = randomIds(300).stream().map(UUID::toString).toList();
        List<PresenceInterval> visits = new ArrayList<>();
        for (int i = 0; i < 2400; i++) {
            Instant start = base.plus(Duration.ofMinutes(10L * random.nextInt(400)));
            Instant end = start.plus(Duration.ofMinutes(i % 9 == 4 ? 5L * (48 + random.nextInt(300)) : 15L + 5L * random.nextInt(30)));
            String who = i % 8 == 0 ? people.get(0) : people.get(random.nextInt(people.size()));
            visits.add(new PresenceInterval(UUID.randomUUID(), who, venues.get(random.nextInt(venues.size())), start, end, null));
        }
        store(visits);
        ExposureParameters parameters = new ExposureParameters(base, base.plus(Duration.ofDays(3)), Duration.ofMinutes(30),
                Duration.ofMinutes(15), 2);
        ExposureResult fromSql = new ExposureTracer(presence).trace(people.get(0), parameters);
        long f1 = fromSql.contacts().stream().filter(c -> c.tier() == Tier.F1).count();
        assertTrue(f1 >= 40, "F1s enough for concurrent parts: " + f1);
        assertTrue(visits.stream().filter(v -> !v.pseudonym().equals(people.get(0))).count() >= 400);
        assertEquals(ReferenceExposure.contacts(visits, people.get(0), parameters.from(), parameters.to(),
                parameters.buffer(), parameters.minOverlap(), 2), ReferenceExposure.of(fromSql));
    }

    private static List<UUID> randomIds(int n) {
        return java.util.stream.Stream.generate(UUID::randomUUID).limit(n).toList();
    }

        private void store(List<PresenceInterval> visits) throws SQLException {
        String sql = "INSERT INTO visit (checked_in_at, checkin_id, pseudonym, venue_id, checked_out_at, auto_checkout_at, source) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'WEB')";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (PresenceInterval v : visits) {
                ps.setTimestamp(1, Timestamp.from(v.start()));
                ps.setObject(2, v.checkinId());
                ps.setString(3, v.pseudonym());
                ps.setObject(4, v.venueId());
                ps.setTimestamp(5, Timestamp.from(v.end()));
                ps.setTimestamp(6, Timestamp.from(v.end()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}

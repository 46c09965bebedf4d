package org.qrtrace.venue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.VenueClosed;
import org.qrtrace.venue.domain.Requester;
import org.qrtrace.venue.repository.OutboxRepository;
import org.qrtrace.venue.repository.OutboxRepository.PendingEvent;
import org.qrtrace.venue.service.VenueInput;
import org.qrtrace.venue.service.VenueService;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qrtrace.venue.VenueTestSupport.post;
import static org.qrtrace.venue.VenueTestSupport.uniqueOrg;
import static org.qrtrace.venue.VenueTestSupport.venueJson;

/**
 * The outbox guarantee on the real database: a venue change and its events commit together or not at all, and a relay
 * claims only rows no other relay holds. The relay's scheduler is off here, so that the rows these tests leave unsent
 * stay where they are while the tests look at them.
 */
@QuarkusTest
@TestProfile(OutboxTransactionTest.RelayStopped.class)
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "venue"))
class OutboxTransactionTest {

    public static class RelayStopped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    VenueService venueService;

    @Inject
    OutboxRepository outbox;

    @Test
    void aRolledBackRegistrationLeavesNeitherTheVenueNorItsEvent() {
        String org = uniqueOrg();
        Requester manager = new Requester(false, true, Set.of(), Optional.of(org));
        VenueInput input = new VenueInput("Chợ " + UUID.randomUUID(), "MARKET", "288", "1 Đường Mới", null, null, null,
                List.of("Cổng chính"));
        List<UUID> created = new ArrayList<>();
        RuntimeException later = new IllegalStateException("a later step of the same transaction failed");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            UUID id = venueService.create(manager, input).id();
            created.add(id);
            // Inside the transaction (the same enlisted connection) both are there ...
            assertEquals(1, count("SELECT count(*) FROM venue WHERE id = ?", id));
            assertEquals(1, count("SELECT count(*) FROM entrance WHERE venue_id = ?", id));
            assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE record_key = ?", id.toString()));
            throw later;
        }));
        assertTrue(thrown == later || thrown.getCause() == later, "unexpected failure: " + thrown);
        // ... and after the rollback neither is.
        UUID id = created.get(0);
        assertEquals(0, count("SELECT count(*) FROM venue WHERE id = ?", id));
        assertEquals(0, count("SELECT count(*) FROM entrance WHERE venue_id = ?", id));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE record_key = ?", id.toString()));
    }

    @Test
    void whenTheEventCannotBeWrittenTheVenueIsNotWrittenEither() throws SQLException {
        String marker = "REFUSED-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE FUNCTION test_refuse_marked_event() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    + "BEGIN IF convert_from(NEW.payload, 'UTF8') LIKE '%" + marker + "%' THEN "
                    + "RAISE EXCEPTION 'outbox write refused by the test'; END IF; RETURN NEW; END $$");
            s.execute("CREATE TRIGGER test_refuse_marked_event BEFORE INSERT ON outbox_event "
                    + "FOR EACH ROW EXECUTE FUNCTION test_refuse_marked_event()");
        }
        try {
            String org = uniqueOrg();
            String token = TestTokens.venueManagerOfOrganisation(org);
            post(token, "/api/v1/venues", venueJson("Quán " + marker, "RESTAURANT", "288", "2 Phố Cũ", "Cửa " + marker))
                    .statusCode(500).contentType("application/problem+json");
            // A file whose second venue's event is refused: the first venue, written before, goes too.
            String csv = "name,category,adminUnitCode,address,entrances\n"
                    + "Tiệm bánh " + UUID.randomUUID() + ",OTHER,288,3 Phố Cũ,Cửa chính\n"
                    + "Tiệm trà " + marker + ",OTHER,288,4 Phố Cũ,\n";
            io.restassured.RestAssured.given().auth().oauth2(token).contentType("text/csv; charset=UTF-8")
                    .body(csv.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/venues/import")
                    .then().statusCode(500).contentType("application/problem+json");
            assertEquals(0, count("SELECT count(*) FROM venue WHERE organisation = ?", org));
            assertEquals(0, count("SELECT count(*) FROM entrance WHERE name LIKE ?", "%" + marker + "%"));
            assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE convert_from(payload, 'UTF8') LIKE ?",
                    "%" + org + "%"));
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER test_refuse_marked_event ON outbox_event");
                s.execute("DROP FUNCTION test_refuse_marked_event()");
            }
        }
        // The same requests without the refusal succeed, so it was the event that failed them.
        String org = uniqueOrg();
        post(TestTokens.venueManagerOfOrganisation(org), "/api/v1/venues",
                venueJson("Quán " + marker, "RESTAURANT", "288", "2 Phố Cũ", "Cửa " + marker))
                .statusCode(201).body("organisation", equalTo(org));
    }

    @Test
    void aRelayClaimsOnlyRowsNoOtherRelayHolds() throws Exception {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(EventEnvelope.of(UUID.randomUUID(), Instant.now(), "venue-service-test",
                    new VenueClosed(UUID.randomUUID(), Instant.now(), "claim test")));
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.append(events));
        Set<UUID> ours = new HashSet<>(events.stream().map(EventEnvelope::eventId).toList());

        ExecutorService other = Executors.newSingleThreadExecutor();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<PendingEvent> first;
        List<PendingEvent> second;
        try {
            // Another relay claims the two oldest unsent rows and holds them ...
            Future<List<PendingEvent>> holder = other.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                List<PendingEvent> rows = outbox.lockUnsent(2);
                claimed.countDown();
                release.await(60, TimeUnit.SECONDS);
                return rows;
            }));
            assertTrue(claimed.await(60, TimeUnit.SECONDS), "the first claim did not return");
            // ... this one gets every other unsent row at once, without waiting for them.
            long start = System.nanoTime();
            second = QuarkusTransaction.requiringNew().call(() -> outbox.lockUnsent(10_000));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            release.countDown();
            first = holder.get(60, TimeUnit.SECONDS);
            assertTrue(waited.compareTo(Duration.ofSeconds(10)) < 0, "the second claim waited " + waited);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
        assertEquals(2, first.size());
        Set<UUID> firstIds = new HashSet<>(first.stream().map(PendingEvent::eventId).toList());
        Set<UUID> secondIds = new HashSet<>(second.stream().map(PendingEvent::eventId).toList());
        assertTrue(firstIds.stream().noneMatch(secondIds::contains), "a row was claimed twice");
        Set<UUID> both = new HashSet<>(firstIds);
        both.addAll(secondIds);
        assertTrue(both.containsAll(ours), "a row was claimed by neither");
        // Relay order: each claim is in id order.
        assertEquals(second.stream().map(PendingEvent::id).sorted().toList(), second.stream().map(PendingEvent::id).toList());

        // Leave no test event for the relay of the next tests.
        List<Long> oursById = new ArrayList<>();
        for (PendingEvent e : first) {
            if (ours.contains(e.eventId())) {
                oursById.add(e.id());
            }
        }
        for (PendingEvent e : second) {
            if (ours.contains(e.eventId())) {
                oursById.add(e.id());
            }
        }
        assertEquals(ours.size(), oursById.size());
        QuarkusTransaction.requiringNew().run(() -> outbox.markSent(oursById, Instant.now()));
        for (UUID id : ours) {
            assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE event_id = ? AND sent_at IS NULL", id));
        }
    }

    /** Counts with a connection of the service's pool: inside a transaction, the transaction's own connection. */
    private long count(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
